package dev.stampboard.fleet;

import org.jspecify.annotations.Nullable;

/** A replica's home stamp changed; {@code fromStamp} is null when the replica was first placed. */
public record HomeStampChanged(
        String registry, String region, @Nullable String fromStamp, String toStamp) {}
