/**
 * Rebalancing plans: the plain-Java planner ({@code engine}) that proposes phased moves or
 * dedicated stamps from a region's signals, and the plan workflow around it — persisted
 * proposals with their evidence, four-eyes approval, staleness and expiry, all audited.
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.planning;
