package dev.stampboard.cutover;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * The fleet's report of in-flight requests a source stamp still serves for a replica that was cut over away from it
 * (a load balancer's active-connection count). An adapter implements it where the fleet reports it; without one the
 * drain waits the configured time instead.
 */
public interface SourceInFlight {

    /** In-flight requests of {@code registry}'s replica in {@code region} on {@code source} at {@code at}, if known. */
    OptionalLong inFlight(String registry, String region, String source, Instant cutoverAt, Instant at);
}
