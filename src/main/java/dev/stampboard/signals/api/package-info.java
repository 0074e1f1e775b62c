/** Signals over the JSON API: stamps with their pools' hot-node P95, minute series, traffic shares, telemetry ingestion. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.signals.api;
