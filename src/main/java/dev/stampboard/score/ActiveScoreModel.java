package dev.stampboard.score;

import dev.stampboard.score.engine.ScoreModel;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The active score model version as this instance follows it: read after a change made here, and when the store's
 * small mark (the active version and its pinned weights) says another instance changed it. Whoever scores registers
 * with {@link #onChange} and is told each new model.
 */
@Component
class ActiveScoreModel {

    private final ScoreModelStore store;
    private final List<Consumer<LiveScoreBoard.@Nullable Scorer>> listeners = new CopyOnWriteArrayList<>();

    private record Active(int version, ScoreModel model, int horizonHours) {
        LiveScoreBoard.Scorer scorer() {
            return new LiveScoreBoard.Scorer(version, model);
        }
    }

    private volatile @Nullable Active active;

    /** What {@link ScoreModelStore#activeMark} said when the active model was last read (only {@link #reload}). */
    private volatile @Nullable String mark;

    ActiveScoreModel(ScoreModelStore store) {
        this.store = store;
    }

    /** The model that scores now; null when none is active. */
    LiveScoreBoard.@Nullable Scorer scorer() {
        Active a = active;
        return a == null ? null : a.scorer();
    }

    /** How far ahead the active version's score looks, in hours; empty when none is active. */
    OptionalInt horizonHours() {
        Active a = active;
        return a == null ? OptionalInt.empty() : OptionalInt.of(a.horizonHours());
    }

    /** Tells {@code listener} the model that scores now, and each one after it. */
    void onChange(Consumer<LiveScoreBoard.@Nullable Scorer> listener) {
        listeners.add(listener);
        listener.accept(scorer());
    }

    /**
     * Other instances activate versions and pin weights too: follow the stored active version. Asked every 2 s with a
     * small query; the model is read again only when that changed.
     */
    @Scheduled(fixedDelay = 2_000, initialDelay = 2_000)
    void follow() {
        if (!store.activeMark().equals(mark)) {
            reload();
        }
    }

    /**
     * Reads the active version from the store and tells the listeners when it changed. One reload at a time: two that
     * overlapped (an activation here, the follower seeing another instance's change) could otherwise finish in the
     * wrong order and keep the older model while the mark says it is current, until the next change.
     */
    synchronized void reload() {
        mark = store.activeMark();
        Active now = store.active()
                .map(s -> new Active(s.version(), s.effective(), s.training().horizonHours()))
                .orElse(null);
        Active before = active;
        if (!java.util.Objects.equals(before, now)) {
            active = now;
            LiveScoreBoard.Scorer scorer = now == null ? null : now.scorer();
            listeners.forEach(l -> l.accept(scorer));
        }
    }
}
