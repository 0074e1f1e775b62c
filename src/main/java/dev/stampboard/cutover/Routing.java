package dev.stampboard.cutover;

import java.util.Optional;

/**
 * The port behind a registry's endpoint: which stamp serves the replica in a region. Pointing is
 * idempotent — pointing again at the same stamp changes nothing — so a step retried after a crash
 * is harmless. Implementations: {@link DatabaseRouting} (embedded), DNS (Azure issue).
 */
public interface Routing {

    /** Points the endpoint of {@code registry} in {@code region} at {@code stamp}; returns whether anything changed. */
    boolean pointAt(String registry, String region, String stamp);

    Optional<String> current(String registry, String region);
}
