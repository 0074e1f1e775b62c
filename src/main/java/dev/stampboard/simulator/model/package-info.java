/**
 * The embedded fleet simulator's model: a scenario (regions, stamps, customers, registries and their
 * traffic profiles) and a pure function from (seed, minute, fleet layout) to one minute of node CPU and
 * per-replica traffic. Plain Java: no clock, no database, no framework. The Spring side owns time, persistence
 * and feeding the signals engine; this package only says what the fleet would have measured.
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.simulator.model;
