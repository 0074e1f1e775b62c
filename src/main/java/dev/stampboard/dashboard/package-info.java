/**
 * What an operator looks at first: the fleet's stamps by region with each pool's hot-node P95
 * and state. Reads fleet and signals; owns no data.
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.dashboard;
