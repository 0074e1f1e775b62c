package dev.stampboard.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;

/**
 * A training's claim is renewed while Spring's shared scheduler thread is busy with a long job: otherwise the claim's
 * heartbeat stops while the instance still trains, and after 30 s the other instances take the training for dead
 * (and a second one could start). The shared thread is held here by a job of the test's own; the claim is renewed
 * every 0.1 s and must be seen renewed within 6 s (more than the old 5 s schedule on that thread).
 */
class ClaimRenewalTest extends SpringTest {

    @Autowired
    ScoreTraining training;

    @Autowired
    ScoreTrainingClaims claims;

    @Autowired
    TaskScheduler sharedScheduler;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_claim_is_renewed_while_the_shared_scheduler_thread_is_busy() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sharedScheduler.schedule(
                () -> {
                    busy.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                Instant.now());
        try {
            assertThat(busy.await(30, TimeUnit.SECONDS))
                    .as("the shared scheduler thread runs the test's long job")
                    .isTrue();
            boolean renewed = training.whileClaimed(Duration.ofMillis(100), () -> {
                Instant claimedAt = heartbeat();
                long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
                while (System.nanoTime() < until) {
                    if (heartbeat().isAfter(claimedAt)) {
                        return true;
                    }
                    sleep(50);
                }
                return false;
            });
            assertThat(renewed)
                    .as("the claim's heartbeat moved while the shared scheduler thread was busy")
                    .isTrue();
        } finally {
            release.countDown();
        }
        assertThat(training.isRunning())
                .as("the claim is given up when the work ends")
                .isFalse();
    }

    private Instant heartbeat() {
        return jdbc.sql("select heartbeat_at from score_training where slot = ? and owner = ?")
                .params(ScoreTrainingClaims.TRAINING, claims.owner())
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
