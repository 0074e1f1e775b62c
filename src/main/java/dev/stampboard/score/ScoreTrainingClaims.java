package dev.stampboard.score;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a score model version is being trained, and why the first one failed, as every console instance sees it
 * ({@code score_training}, issue 18): the instance training claims slot {@value #TRAINING} and renews its heartbeat;
 * every instance answers "being trained" from the row, not from a flag of its own. A claim not renewed for
 * {@link #STALE} died with its instance and is taken over by the next training. Wall-clock time, like the leases:
 * instances must agree on it.
 */
@Component
class ScoreTrainingClaims {

    static final String TRAINING = "training";
    static final String FIRST_PROBLEM = "first-problem";

    /** A claim whose heartbeat is older than this is no training any more (its instance stopped). */
    static final Duration STALE = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final String owner;

    ScoreTrainingClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    }

    /** This instance's name in the claims. */
    String owner() {
        return owner;
    }

    /** Claims the one training slot for this instance; false when another training (any instance) holds it. */
    boolean claim(Instant now) {
        jdbc.sql("delete from score_training where slot = ? and heartbeat_at < ?")
                .params(TRAINING, at(now.minus(STALE)))
                .update();
        try {
            return jdbc.sql("insert into score_training (slot, owner, started_at, heartbeat_at) values (?, ?, ?, ?)")
                            .params(TRAINING, owner, at(now), at(now))
                            .update()
                    == 1;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    /** Renews this instance's claim (while it trains). */
    void renew(Instant now) {
        jdbc.sql("update score_training set heartbeat_at = ? where slot = ? and owner = ?")
                .params(at(now), TRAINING, owner)
                .update();
    }

    /** Gives this instance's claim up (its training ended). */
    void release() {
        jdbc.sql("delete from score_training where slot = ? and owner = ?")
                .params(TRAINING, owner)
                .update();
    }

    /** Whether any instance trains a version now: a claim renewed within {@link #STALE}. */
    boolean anyTraining(Instant now) {
        return jdbc.sql("select count(*) from score_training where slot = ? and heartbeat_at >= ?")
                        .params(TRAINING, at(now.minus(STALE)))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Records why the first version could not be trained (replacing an earlier reason). */
    void firstFailed(String problem, Instant now) {
        String text = problem.length() > 2000 ? problem.substring(0, 2000) : problem;
        int updated = jdbc.sql("update score_training set owner = ?, started_at = ?, heartbeat_at = ?, problem = ?"
                        + " where slot = ?")
                .params(owner, at(now), at(now), text, FIRST_PROBLEM)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into score_training (slot, owner, started_at, heartbeat_at, problem)"
                                + " values (?, ?, ?, ?, ?)")
                        .params(FIRST_PROBLEM, owner, at(now), at(now), text)
                        .update();
            } catch (DuplicateKeyException another) {
                // another instance recorded its reason a moment ago: one reason is enough
            }
        }
    }

    /** Why the first version could not be trained, if that is recorded. */
    Optional<String> firstProblem() {
        return jdbc.sql("select problem from score_training where slot = ?")
                .param(FIRST_PROBLEM)
                .query(String.class)
                .optional();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
