/**
 * The embedded, deterministic fleet simulator: a seeded traffic and CPU model ({@code model}),
 * an accelerated clock, the seed scenario loaded into an empty inventory, and a feeder that turns
 * each simulated minute into telemetry for the signals engine. Disabled for bring-your-own telemetry.
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.simulator;
