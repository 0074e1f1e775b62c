package dev.stampboard.score;

import dev.stampboard.fleet.StampInfo;
import dev.stampboard.score.engine.FeatureSettings;
import dev.stampboard.score.engine.FeatureTracker;
import dev.stampboard.score.engine.ScoreFeature;
import dev.stampboard.score.engine.ScoreModel;
import dev.stampboard.score.engine.StampMinute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Every stamp's live score: its {@link FeatureTracker} fed one complete minute at a time, the latest score under the
 * active model and the last 12 h of scores. The signals' advance thread writes; views and triggers read.
 */
final class LiveScoreBoard {

    /** Minutes of scores kept per stamp for the trend (the signals' 12 h). */
    static final int TREND_MINUTES = 720;

    /** The model that scores: its version and weights. */
    record Scorer(int version, ScoreModel model) {}

    /** The feature tracker's longest period (its slope is summed again every 180 minutes, its hours every 60). */
    static final int ALIGN = 180;

    private final Map<String, LiveStamp> live = new ConcurrentHashMap<>();
    /** The newest minute fed to the trackers (only the signals' advance thread writes it). */
    private volatile long lastObserved = Long.MIN_VALUE;

    /** One stamp's features, latest score and its last 12 h of scores. */
    private static final class LiveStamp {
        final FeatureTracker tracker;
        final double[] features = new double[ScoreFeature.COUNT];
        final double[] trend = new double[TREND_MINUTES];
        long latestMinute;
        /** Whether {@link #score} ran for {@link #latestMinute}, and the current minute it was given then. */
        boolean scored;

        long scoredAt;

        @Nullable
        StampScore latest;

        /** A tracker whose first minute is {@code firstMinute}, counted from the multiple of {@value #ALIGN} before. */
        LiveStamp(FeatureSettings settings, long firstMinute) {
            tracker = new FeatureTracker(settings);
            for (long m = firstMinute - Math.floorMod(firstMinute, ALIGN); m < firstMinute; m++) {
                tracker.observe(StampMinute.SILENT);
            }
            java.util.Arrays.fill(trend, Double.NaN);
        }
    }

    /**
     * Called with each new current minute: minute − 1 is complete in the engine (the feed records after moving).
     * When the clock jumped (a wall clock after a pause), the minutes in between are read too, up to 12 h back, and so
     * are the 12 h before the first call: an instance started later reads the same trailing minutes from the engine
     * (which reloaded them from the store) as one that ran all along, and scores each of them, so the two agree on
     * the features, the score and its trend (issue 18). A tracker's minutes are counted from a multiple of
     * {@value #ALIGN} minutes, so its hours and slope sums line up with the same epoch minutes on every instance.
     *
     * @param observations each stamp's observation of a past minute, by stamp name
     * @param model        the active model, null when none is: the stamps are tracked but not scored
     */
    void onMinute(
            long minute,
            List<StampInfo> stamps,
            FeatureSettings settings,
            Function<Long, Map<String, StampMinute>> observations,
            @Nullable Scorer model) {
        long newest = minute - 1;
        long from = lastObserved == Long.MIN_VALUE
                ? newest - TREND_MINUTES + 1
                : Math.max(lastObserved + 1, newest - TREND_MINUTES + 1);
        if (from > newest) {
            return;
        }
        for (long observed = from; observed <= newest; observed++) {
            Map<String, StampMinute> minutes = observations.apply(observed);
            for (StampInfo stamp : stamps) {
                long first = observed;
                LiveStamp s = live.computeIfAbsent(stamp.name(), k -> new LiveStamp(settings, first));
                synchronized (s) {
                    s.tracker.observe(minutes.getOrDefault(stamp.name(), StampMinute.SILENT));
                    s.latestMinute = observed;
                    score(s, stamp.name(), model, observed + 1);
                }
            }
        }
        lastObserved = newest;
    }

    /** Whether {@link #onMinute} has anything to read for this minute (it reads nothing twice). */
    boolean wants(long minute) {
        long newest = minute - 1;
        return lastObserved == Long.MIN_VALUE || lastObserved < newest;
    }

    private static void score(LiveStamp s, String stamp, @Nullable Scorer model, long minute) {
        s.tracker.features(s.features);
        s.scored = true;
        s.scoredAt = minute;
        int slot = (int) Math.floorMod(s.latestMinute, TREND_MINUTES);
        if (model == null) {
            s.latest = null;
            s.trend[slot] = Double.NaN;
            return;
        }
        ScoreModel m = model.model();
        double logit = m.logit(s.features);
        double score = 100.0 / (1.0 + Math.exp(-logit));
        s.latest = new StampScore(stamp, score, logit, model.version(), minute, m, s.features);
        s.trend[slot] = score;
    }

    /**
     * Scores every stamp's latest minute again under {@code model} (null: none is active), from the features it was
     * scored with: a model activated or pinned on any instance applies at once, not from the next minute, so instances
     * that follow the change a moment apart agree again within that moment.
     */
    void rescore(@Nullable Scorer model) {
        for (Map.Entry<String, LiveStamp> e : live.entrySet()) {
            LiveStamp s = e.getValue();
            synchronized (s) {
                if (s.scored) {
                    score(s, e.getKey(), model, s.scoredAt);
                }
            }
        }
    }

    /** The stamp's latest score and breakdown; empty without an active model or before its first minute. */
    Optional<StampScore> scoreOf(String stamp) {
        LiveStamp s = live.get(stamp);
        if (s == null) {
            return Optional.empty();
        }
        synchronized (s) {
            return Optional.ofNullable(s.latest);
        }
    }

    /** Consecutive scored minutes, ending with the latest, at or above {@code threshold}. */
    int minutesAtOrAbove(String stamp, double threshold) {
        LiveStamp s = live.get(stamp);
        if (s == null) {
            return 0;
        }
        synchronized (s) {
            int n = 0;
            for (long m = s.latestMinute; n < TREND_MINUTES; m--) {
                double v = s.trend[(int) Math.floorMod(m, TREND_MINUTES)];
                if (Double.isNaN(v) || v < threshold) {
                    break;
                }
                n++;
            }
            return n;
        }
    }

    /** The stamp's scores of the last 12 h, oldest first: {@code [epoch minute, score]} (score NaN when none). */
    List<double[]> trend(String stamp) {
        LiveStamp s = live.get(stamp);
        List<double[]> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        synchronized (s) {
            for (long m = s.latestMinute - TREND_MINUTES + 1; m <= s.latestMinute; m++) {
                out.add(new double[] {m, s.trend[(int) Math.floorMod(m, TREND_MINUTES)]});
            }
        }
        return out;
    }
}
