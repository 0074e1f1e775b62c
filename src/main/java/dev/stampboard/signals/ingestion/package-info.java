/**
 * Telemetry from outside the engine's own feed: node CPU and per-registry traffic through the JSON API
 * and the Azure adapters. Each row is checked at this edge (index and reason for each refused one),
 * stored so the window survives a restart, reloaded at start, and pruned after the retention.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("ingestion")
package dev.stampboard.signals.ingestion;
