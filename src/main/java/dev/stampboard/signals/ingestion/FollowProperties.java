package dev.stampboard.signals.ingestion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stampboard.follow.*}: how each console instance follows what the others stored (README "Several
 * instances").
 * Spring binds an unset key as null; the constructor puts its default in its place, so no accessor returns null.
 *
 * @param enabled          follow the store (default true; one instance alone reads only its own rows back)
 * @param pollMillis       how often the tables are read (default 1,000 ms)
 * @param batchSize        rows per query (default 10,000)
 * @param batchesPerPoll   queries per table and poll at most before the next poll continues (default 20)
 * @param gapPatience      how long a skipped sequence value is waited for (a rolled-back write leaves one for ever)
 * @param settle           a gap younger than this may be a write still committing: the engine is not caught up yet
 * @param pendingPatience  how long a followed row the engine cannot take yet (its stamp not followed yet, a minute
 *                         ahead of this instance's clock) is retried
 */
@ConfigurationProperties("stampboard.follow")
record FollowProperties(
        Boolean enabled,
        Long pollMillis,
        Integer batchSize,
        Integer batchesPerPoll,
        Duration gapPatience,
        Duration settle,
        Duration pendingPatience) {

    FollowProperties {
        enabled = enabled == null || enabled;
        pollMillis = pollMillis == null ? 1_000L : pollMillis;
        batchSize = batchSize == null ? 10_000 : batchSize;
        batchesPerPoll = batchesPerPoll == null ? 20 : batchesPerPoll;
        gapPatience = gapPatience == null ? Duration.ofMinutes(10) : gapPatience;
        settle = settle == null ? Duration.ofSeconds(30) : settle;
        pendingPatience = pendingPatience == null ? Duration.ofMinutes(10) : pendingPatience;
        if (pollMillis < 10 || batchSize < 1 || batchesPerPoll < 1) {
            throw new IllegalArgumentException(
                    "stampboard.follow: poll-millis must be at least 10, batch-size and batches-per-poll positive");
        }
    }
}
