package dev.stampboard.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.score.engine.ScoreFeature;
import dev.stampboard.score.engine.ScoreModel;
import dev.stampboard.support.Threads;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Two reloads of the active version that overlap (an activation on this instance while the follower reads a change
 * another instance made) end with the version the store holds last, never with the one the slower reload read first.
 */
class ActiveScoreModelTest {

    /** A store whose active version a test sets; the first read of the active version waits until it is let go. */
    private static final class Store extends ScoreModelStore {
        volatile ScoreModelStore.@Nullable Stored active;
        final CountDownLatch firstReadStarted = new CountDownLatch(1);
        final CountDownLatch letFirstReadGo = new CountDownLatch(1);
        private int reads;

        Store() {
            super(null, null); // no database: the two methods the follower calls are answered here
        }

        @Override
        String activeMark() {
            ScoreModelStore.Stored a = active;
            return a == null ? "" : a.version() + ":";
        }

        @Override
        Optional<ScoreModelStore.Stored> active() {
            ScoreModelStore.Stored read = active;
            boolean first;
            synchronized (this) {
                first = ++reads == 1;
            }
            if (first) {
                firstReadStarted.countDown();
                try {
                    letFirstReadGo.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Optional.ofNullable(read);
        }
    }

    private static ScoreModelStore.Stored version(int version) {
        double[] ones = new double[ScoreFeature.COUNT];
        java.util.Arrays.fill(ones, 1.0);
        ScoreModel model = new ScoreModel(new double[ScoreFeature.COUNT], ones, new double[ScoreFeature.COUNT], 0);
        return new ScoreModelStore.Stored(
                version,
                Instant.EPOCH,
                "test",
                ModelStatus.ACTIVE,
                Instant.EPOCH,
                "test",
                model,
                null,
                new ModelCard.Training(0, 0, "none", 1500, 1, 15, 6, 0, 0, 0),
                null);
    }

    @Test
    void overlapping_reloads_keep_the_version_the_store_holds_last() throws Exception {
        Store store = new Store();
        ActiveScoreModel followed = new ActiveScoreModel(store);
        store.active = version(1);

        Thread slow = new Thread(followed::reload); // reads version 1, then waits
        slow.start();
        assertThat(store.firstReadStarted.await(30, TimeUnit.SECONDS)).isTrue();
        store.active = version(2); // activated meanwhile
        Thread fast = new Thread(followed::reload);
        fast.start();
        Threads.awaitBlockedOrDone(fast, java.time.Duration.ofSeconds(10));
        store.letFirstReadGo.countDown();
        slow.join(30_000);
        fast.join(30_000);

        LiveScoreBoard.Scorer scorer = followed.scorer();
        assertThat(scorer).isNotNull();
        assertThat(scorer.version()).as("the store's active version").isEqualTo(2);
        followed.follow();
        assertThat(followed.scorer().version())
                .as("the mark says it is current, so the follower would not read it again")
                .isEqualTo(2);
    }
}
