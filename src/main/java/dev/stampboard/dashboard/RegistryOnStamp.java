package dev.stampboard.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * A registry whose replica the stamp serves: its share of the stamp's requests and bytes and its throttling
 * rate over the peak window (minutes this stamp served it), and its p99 latency in the newest minute with
 * requests. Shares and rates are fractions (0.02 = 2 %); {@code null} where there is no traffic yet.
 */
public record RegistryOnStamp(
        String registry,
        String customer,
        double requestShare,
        double byteShare,
        @Nullable Double latestP99Ms,
        @Nullable Double throttlingRate) {}
