/**
 * The signals engine: columnar in-memory storage of per-node CPU and per-replica registry traffic,
 * and the DESIGN §2 signals computed from it (hot-node P95 and pool state, reactive triggers, traffic share).
 * Plain Java on purpose: no Spring, Vaadin or Azure types, so it can be tested and benchmarked on its own;
 * {@link dev.stampboard.signals.engine.SignalEngine} is the entry point for the service layer.
 * <p>The annotations below tell Spring Modulith that other modules may use these types, and NullAway that nothing here is null unless marked.
 */
@org.springframework.modulith.NamedInterface("engine")
@org.jspecify.annotations.NullMarked
package dev.stampboard.signals.engine;
