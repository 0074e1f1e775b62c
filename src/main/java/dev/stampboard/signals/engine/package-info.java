/**
 * The signals engine: columnar in-memory storage of per-node CPU and per-replica registry traffic,
 * and the DESIGN §2 signals computed from it (hot-node P95 and pool state, reactive triggers, traffic share).
 * Plain Java on purpose: no Spring, Vaadin or Azure types, so it can be tested and benchmarked on its own;
 * {@link dev.stampboard.signals.engine.SignalEngine} is the entry point for the service layer.
 * <p>The one annotation below only tells Spring Modulith that other modules may use these types.
 */
@org.springframework.modulith.NamedInterface("engine")
package dev.stampboard.signals.engine;
