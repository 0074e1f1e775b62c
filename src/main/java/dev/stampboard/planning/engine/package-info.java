/**
 * The planner (DESIGN §3, §4, §6), plain Java: from a region's hot-node minute series and each
 * registry's per-minute traffic share, a phased plan of moves or dedicated stamps, with the
 * predicted hot-node P95 of every touched pool and an explanation for each decision.
 */
@org.springframework.modulith.NamedInterface("engine")
@org.jspecify.annotations.NullMarked
package dev.stampboard.planning.engine;
