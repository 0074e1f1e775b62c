package dev.stampboard.fleet;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/** One entry of a replica's home-stamp history; {@code fromStamp} is empty for the first placement. */
public record HomeStampChange(
        @Id @Nullable Long id,
        String registry,
        String region,
        @Nullable String fromStamp,
        String toStamp,
        Instant changedAt,
        String reason) {}
