package dev.stampboard.score;

import dev.stampboard.score.engine.FeatureSettings;
import dev.stampboard.score.engine.FeatureTracker;
import dev.stampboard.score.engine.ScoreFeature;
import dev.stampboard.score.engine.StampMinute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One stamp's features on the {@link LiveScoreBoard}: latest score and its last 12 h of scores. The hours of request
 * totals the growth feature compares that began before the first minute read from the engine are the totals the
 * store had for them when the stamp was read ({@link StoredHours}); the hours it read whole are its own. Guarded by
 * its own monitor: the board's writers and readers hold it while they call it.
 */
final class LiveStamp {

    static final int SETTLE_MINUTES = LiveScoreBoard.SETTLE_MINUTES;

    /** Hours of request totals the growth feature compares: two days. */
    static final int GROWTH_HOURS = 48;

    final FeatureSettings settings;
    /** The first minute read from the engine; hours that began before it take the stored totals. */
    final long firstMinute;
    /** The store's totals (epoch hour → requests) of the hours before {@link #firstMinute}'s, when it was read. */
    private final Map<Long, Long> stored;
    /** The minutes up to {@link #settledMinute}. */
    final FeatureTracker settled;
    /** The minutes up to {@link #latestMinute}: {@link #settled} and then {@link #recent}. */
    final FeatureTracker tracker;
    /** The inputs of minutes {@code settledMinute + 1 .. latestMinute}, minute m at {@code floorMod(m, SETTLE)}. */
    final StampMinute[] recent = new StampMinute[SETTLE_MINUTES];

    final double[] features = new double[ScoreFeature.COUNT];
    final double[] trend = new double[LiveScoreBoard.TREND_MINUTES];
    long settledMinute;
    long latestMinute;
    /** Whether the board scored {@link #latestMinute}. */
    boolean scored;

    /** The model that scored last (null: none), its score, logit and minute; {@link #features} were its input. */
    private LiveScoreBoard.@Nullable Scorer latestBy;

    private double latestScore;
    private double latestLogit;
    /** The minute the latest score is for: the one after the minute scored. */
    private long latestAt;

    /**
     * The latest score as read, made from the figures above when first asked for: a back-fill scores every stamp's
     * 720 minutes, and only the last one's is ever read.
     */
    private @Nullable StampScore latest;

    /**
     * A tracker whose first minute is {@code firstMinute}, counted from the multiple of {@value LiveScoreBoard#ALIGN}
     * before, preceded by the two days of stored hourly totals before that.
     */
    LiveStamp(FeatureSettings settings, long firstMinute, Map<Long, Long> stored) {
        this.settings = settings;
        this.firstMinute = firstMinute;
        this.stored = stored;
        settled = new FeatureTracker(settings);
        long start = alignedStart(firstMinute);
        double[] before = new double[GROWTH_HOURS];
        for (int i = 0; i < GROWTH_HOURS; i++) {
            before[i] = storedHour(Math.floorDiv(start, 60) - GROWTH_HOURS + i);
        }
        settled.precedeWith(before);
        for (long m = start; m < firstMinute; m++) {
            feed(settled, m, StampMinute.SILENT);
        }
        tracker = new FeatureTracker(settings);
        tracker.copyFrom(settled);
        settledMinute = firstMinute - 1;
        latestMinute = firstMinute - 1;
        Arrays.fill(trend, Double.NaN);
    }

    /** The epoch hours {@code [from, to]} a stamp read from {@code firstMinute} on takes from the store. */
    static long[] storedHoursFor(long firstMinute) {
        long start = alignedStart(firstMinute);
        return new long[] {Math.floorDiv(start, 60) - GROWTH_HOURS, Math.floorDiv(firstMinute, 60)};
    }

    /** The multiple of {@value LiveScoreBoard#ALIGN} at or before {@code firstMinute}, where the tracker starts. */
    private static long alignedStart(long firstMinute) {
        return firstMinute - Math.floorMod(firstMinute, LiveScoreBoard.ALIGN);
    }

    private double storedHour(long hour) {
        Long requests = stored.get(hour);
        return requests == null ? 0.0 : requests; // 0: not known, the growth is unknown while it counts
    }

    /**
     * Takes the minute after {@link #latestMinute}; true when it completed an hour this stamp read whole (its total is
     * {@code tracker.lastHourRequests()}).
     */
    boolean observe(long minute, StampMinute m) {
        if (minute != latestMinute + 1) {
            throw new IllegalStateException("minute " + minute + " after " + latestMinute);
        }
        if (latestMinute - settledMinute == SETTLE_MINUTES) {
            settledMinute++;
            feed(settled, settledMinute, recent[slot(settledMinute)]);
        }
        recent[slot(minute)] = m;
        latestMinute = minute;
        return feed(tracker, minute, m);
    }

    /**
     * Observes {@code minute} on {@code t}. When it ends an hour that began before {@link #firstMinute}, the hour takes
     * the stored total; true when it ends an hour read whole.
     */
    boolean feed(FeatureTracker t, long minute, StampMinute m) {
        t.observe(m);
        if (Math.floorMod(minute + 1, 60) != 0) {
            return false;
        }
        long hourStart = minute - 59;
        if (hourStart < firstMinute) {
            t.replaceLastHour(storedHour(Math.floorDiv(hourStart, 60)));
            return false;
        }
        return true;
    }

    /**
     * Puts the minutes from {@code from} on read again ({@code values}, index 0 is minute {@code readFrom}) into the
     * recent inputs, replays them onto the settled tracker and scores them again under {@code model}; hours it reads
     * whole go to {@code hours}.
     */
    void revise(
            String stamp,
            long from,
            long readFrom,
            StampMinute[] values,
            LiveScoreBoard.@Nullable Scorer model,
            WholeHours hours) {
        for (long m = from; m <= latestMinute; m++) {
            recent[slot(m)] = values[(int) (m - readFrom)];
        }
        tracker.copyFrom(settled);
        for (long m = settledMinute + 1; m <= latestMinute; m++) {
            boolean wholeHour = feed(tracker, m, recent[slot(m)]);
            if (m >= from) {
                if (wholeHour) {
                    hours.add(stamp, m, this);
                }
                score(model, m);
            }
        }
    }

    /** Scores the tracker as it stands after {@code minute} (its trend's slot; the latest when newest). */
    void score(LiveScoreBoard.@Nullable Scorer model, long minute) {
        tracker.features(features);
        scored = true;
        latest = null;
        latestBy = model;
        int slot = (int) Math.floorMod(minute, LiveScoreBoard.TREND_MINUTES);
        if (model == null) {
            trend[slot] = Double.NaN;
            return;
        }
        latestLogit = model.model().logit(features);
        latestScore = 100.0 / (1.0 + Math.exp(-latestLogit));
        latestAt = minute + 1;
        trend[slot] = latestScore;
    }

    /** The latest score of {@code stamp} (this one), by the model that scored it; null when none scored it. */
    @Nullable
    StampScore latest(String stamp) {
        LiveScoreBoard.Scorer by = latestBy;
        if (latest == null && by != null) {
            latest = new StampScore(stamp, latestScore, latestLogit, by.version(), latestAt, by.model(), features);
        }
        return latest;
    }

    /** Scores the latest minute again under {@code model}, from the features it was scored with (if it was scored). */
    void rescore(LiveScoreBoard.@Nullable Scorer model) {
        if (scored) {
            score(model, latestMinute);
        }
    }

    /** Consecutive scored minutes, ending with the latest, at or above {@code threshold}. */
    int minutesAtOrAbove(double threshold) {
        int n = 0;
        for (long m = latestMinute; n < LiveScoreBoard.TREND_MINUTES; m--) {
            double v = trend[(int) Math.floorMod(m, LiveScoreBoard.TREND_MINUTES)];
            if (Double.isNaN(v) || v < threshold) {
                break;
            }
            n++;
        }
        return n;
    }

    /** The scores of the last 12 h, oldest first: {@code [epoch minute, score]} (score NaN when none). */
    List<double[]> trend() {
        List<double[]> out = new ArrayList<>(LiveScoreBoard.TREND_MINUTES);
        for (long m = latestMinute - LiveScoreBoard.TREND_MINUTES + 1; m <= latestMinute; m++) {
            out.add(new double[] {m, trend[(int) Math.floorMod(m, LiveScoreBoard.TREND_MINUTES)]});
        }
        return out;
    }

    /** Whether {@code minute}'s input is still replayable (not yet in {@link #settled}). */
    boolean recent(long minute) {
        return minute > settledMinute;
    }

    static int slot(long minute) {
        return (int) Math.floorMod(minute, SETTLE_MINUTES);
    }
}
