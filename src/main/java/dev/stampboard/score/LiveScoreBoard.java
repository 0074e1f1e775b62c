package dev.stampboard.score;

import dev.stampboard.base.Maps;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.score.engine.FeatureSettings;
import dev.stampboard.score.engine.ScoreModel;
import dev.stampboard.score.engine.StampMinute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Every stamp's live score ({@link LiveStamp}): its feature tracker fed one complete minute at a time, the latest
 * score under the model it {@linkplain #scoreWith scores with} and the last 12 h of scores. The writers
 * ({@link #onMinute}, {@link #settle}, {@link #scoreWith}) hold the board's lock, so a model that becomes active while
 * minutes are read scores every stamp's latest minute once they are read; views and triggers read one stamp under
 * that stamp's lock. The growth feature's two days of hourly request totals, more than the engine keeps, come from the
 * store for the hours a stamp did not read whole ({@link StoredHours}).
 * <p>
 * A score is a function of the minutes the engine holds, not of when this instance read them (issue 18): telemetry
 * that arrives after its minute was scored (a collector posting after the minute, a back-fill, a row followed from
 * another instance) is reported with {@link #late} and the stamp's minutes from that one on are read and scored again
 * by the next {@link #settle}. Each stamp keeps a <em>settled</em> tracker {@value #SETTLE_MINUTES} minutes behind
 * its newest one and the inputs of those recent minutes: late data within them costs a copy of the settled tracker
 * and a replay of at most {@value #SETTLE_MINUTES} minutes; late data older than that reads the stamp's 12 h again, as
 * an instance starting now does.
 */
final class LiveScoreBoard {

    /** Minutes of scores kept per stamp for the trend (the signals' 12 h). */
    static final int TREND_MINUTES = 720;

    /** The feature tracker's longest period (its slope is summed again every 180 minutes, its hours every 60). */
    static final int ALIGN = 180;

    /** Recent minutes replayed when late telemetry changes one of them; older late data reads the stamp's 12 h. */
    static final int SETTLE_MINUTES = 30;

    /** Minutes read from the engine at once when many are read (the start, a stamp read again). */
    private static final int CHUNK = 60;

    /** The model that scores: its version and weights. */
    record Scorer(int version, ScoreModel model) {}

    private final StoredHours stored;
    private final WholeHours wholeHours;

    private final Map<String, LiveStamp> live = new ConcurrentHashMap<>();
    private final LateMinutes late = new LateMinutes();
    /** The newest minute fed to the trackers (only the writers change it). */
    private volatile long lastObserved = Long.MIN_VALUE;
    /** The model the writers score with; null: none is active (the stamps are tracked but not scored). */
    private @Nullable Scorer scorer;
    /** Set by {@link #scoreWith}: the next {@link #settle} reads every stamp's 12 h again and scores it with the model. */
    private volatile boolean modelChanged;

    LiveScoreBoard(StoredHours stored) {
        this.stored = stored;
        this.wholeHours = new WholeHours(stored);
    }

    LiveScoreBoard() {
        this(StoredHours.NOTHING);
    }

    /**
     * Scores with {@code model} from now on (null: none is active), and every stamp's latest minute again at once,
     * from the features it was scored with: a model activated or pinned on any instance applies at once, not from the
     * next minute, so instances that follow the change a moment apart agree again within that moment. The next
     * {@link #settle} (within a second) then reads every stamp's 12 h again and scores each minute with the model, as
     * an instance that starts now does: otherwise the minutes before the change kept the scores of the model before
     * (none, before the first), and the trend and the SCORE trigger's minutes at or above its threshold differed
     * from an instance started later (which scored its whole 12 h with the new model) for up to 12 h.
     */
    synchronized void scoreWith(@Nullable Scorer model) {
        scorer = model;
        for (LiveStamp s : live.values()) {
            synchronized (s) {
                s.rescore(model);
            }
        }
        modelChanged = lastObserved != Long.MIN_VALUE; // before the first minute nothing was read yet
    }

    /**
     * Called with each new current minute: minute − 1 is complete in the engine (the feed records after moving).
     * When the clock jumped (a wall clock after a pause), the minutes in between are read too, up to 12 h back, and so
     * are the 12 h before the first call: an instance started later reads the same trailing minutes from the engine
     * (which reloaded them from the store) as one that ran all along, and scores each of them, so the two agree on
     * the features, the score and its trend (issue 18). A tracker's minutes are counted from a multiple of
     * {@value #ALIGN} minutes, so its hours and slope sums line up with the same epoch minutes on every instance. A
     * stamp seen for the first time after that reads its 12 h too (telemetry may have been sent for it already).
     */
    synchronized void onMinute(long minute, List<StampInfo> stamps, FeatureSettings settings, EngineMinutes engine) {
        long newest = minute - 1;
        boolean first = lastObserved == Long.MIN_VALUE;
        long from = first ? newest - TREND_MINUTES + 1 : Math.max(lastObserved + 1, newest - TREND_MINUTES + 1);
        if (from > newest) {
            return;
        }
        if (first) {
            late.clear(); // what was recorded up to now is read now
            modelChanged = false;
        } else {
            settle(stamps, settings, engine);
        }
        List<StampInfo> known = new ArrayList<>();
        List<StampInfo> unseen = new ArrayList<>();
        for (StampInfo stamp : stamps) {
            LiveStamp s = live.get(stamp.name());
            if (first || s != null && s.latestMinute == from - 1 && s.settings.equals(settings)) {
                known.add(stamp);
            } else {
                unseen.add(stamp);
            }
        }
        if (!known.isEmpty()) {
            read(known, from, newest, settings, engine, live);
        }
        if (!unseen.isEmpty()) {
            readAgain(unseen, newest, settings, engine);
        }
        lastObserved = newest;
        wholeHours.write();
    }

    /** Whether {@link #onMinute} has anything to read for this minute (it reads nothing twice). */
    boolean wants(long minute) {
        long newest = minute - 1;
        return lastObserved == Long.MIN_VALUE || lastObserved < newest;
    }

    /**
     * Telemetry for {@code stamp}'s {@code minute} was recorded after that minute had passed: it is read and scored
     * again by the next {@link #settle} (or the next minute), if this board read it already.
     */
    void late(String stamp, long minute) {
        late.add(stamp, minute);
    }

    /** Whether {@link #settle} has anything to do. */
    boolean hasLate() {
        return modelChanged || !late.isEmpty();
    }

    /**
     * Reads and scores again each stamp's minutes that changed after it read them ({@link #late}): from the late
     * minute on when it is one of the last {@value #SETTLE_MINUTES}, else the stamp's whole 12 h. Also a stamp tracked
     * with other feature settings (the hot threshold changed) is read again, as an instance starting now would, and
     * every stamp after the model changed ({@link #scoreWith}).
     */
    synchronized void settle(List<StampInfo> stamps, FeatureSettings settings, EngineMinutes engine) {
        long newest = lastObserved;
        if (newest == Long.MIN_VALUE) {
            return; // the first onMinute reads everything
        }
        Map<String, StampInfo> byName = new HashMap<>();
        Map<String, StampInfo> again = new LinkedHashMap<>();
        boolean everyStamp = modelChanged;
        modelChanged = false;
        for (StampInfo stamp : stamps) {
            byName.put(stamp.name(), stamp);
            LiveStamp s = live.get(stamp.name());
            if (s != null && (everyStamp || !s.settings.equals(settings))) {
                late.forget(stamp.name());
                again.put(stamp.name(), stamp);
            }
        }
        List<StampInfo> replay = new ArrayList<>();
        Map<String, Long> replayFrom = new HashMap<>();
        long earliest = newest;
        for (Map.Entry<String, Long> e : late.takeAll().entrySet()) {
            String name = e.getKey();
            long minute = e.getValue();
            StampInfo stamp = byName.get(name);
            LiveStamp s = live.get(name);
            if (stamp == null || s == null || minute > s.latestMinute || again.containsKey(name)) {
                continue; // not read yet: it is read with its minute (a new stamp reads its 12 h)
            }
            if (s.recent(minute)) {
                replay.add(stamp);
                replayFrom.put(name, minute);
                earliest = Math.min(earliest, minute);
            } else {
                again.put(name, stamp);
            }
        }
        if (!replay.isEmpty()) {
            Map<String, StampMinute[]> read = engine.range(earliest, newest, replay);
            for (StampInfo stamp : replay) {
                LiveStamp s = live.get(stamp.name());
                StampMinute[] values = read.get(stamp.name());
                if (s != null && values != null) {
                    synchronized (s) {
                        s.revise(
                                stamp.name(),
                                Maps.known(replayFrom, stamp.name()),
                                earliest,
                                values,
                                scorer,
                                wholeHours);
                    }
                }
            }
        }
        if (!again.isEmpty()) {
            readAgain(new ArrayList<>(again.values()), newest, settings, engine);
        }
        wholeHours.write();
    }

    /** Reads the stamps' last 12 h into new trackers and scores each minute, as an instance starting now does. */
    private void readAgain(List<StampInfo> stamps, long newest, FeatureSettings settings, EngineMinutes engine) {
        Map<String, LiveStamp> fresh = new HashMap<>();
        read(stamps, newest - TREND_MINUTES + 1, newest, settings, engine, fresh);
        live.putAll(fresh);
    }

    /** Feeds {@code [from, to]} to the stamps' trackers in {@code into} (new ones start at {@code from}). */
    private void read(
            List<StampInfo> stamps,
            long from,
            long to,
            FeatureSettings settings,
            EngineMinutes engine,
            Map<String, LiveStamp> into) {
        List<String> added = stamps.stream()
                .map(StampInfo::name)
                .filter(name -> !into.containsKey(name))
                .toList();
        long[] storedRange = LiveStamp.storedHoursFor(from);
        Map<String, Map<Long, Long>> storedHours =
                added.isEmpty() ? Map.of() : stored.read(storedRange[0], storedRange[1], added);
        for (long chunk = from; chunk <= to; chunk += CHUNK) {
            long chunkTo = Math.min(to, chunk + CHUNK - 1);
            Map<String, StampMinute[]> read = engine.range(chunk, chunkTo, stamps);
            for (long observed = chunk; observed <= chunkTo; observed++) {
                for (StampInfo stamp : stamps) {
                    // not computeIfAbsent: its capturing lambda would be made again for every stamp-minute
                    LiveStamp s = into.get(stamp.name());
                    if (s == null) {
                        s = new LiveStamp(settings, from, storedHours.getOrDefault(stamp.name(), Map.of()));
                        into.put(stamp.name(), s);
                    }
                    StampMinute[] values = read.get(stamp.name());
                    synchronized (s) {
                        if (s.observe(
                                observed, values == null ? StampMinute.SILENT : values[(int) (observed - chunk)])) {
                            wholeHours.add(stamp.name(), observed, s);
                        }
                        s.score(scorer, observed);
                    }
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
            return Optional.ofNullable(s.latest(stamp));
        }
    }

    /** Consecutive scored minutes, ending with the latest, at or above {@code threshold}. */
    int minutesAtOrAbove(String stamp, double threshold) {
        LiveStamp s = live.get(stamp);
        if (s == null) {
            return 0;
        }
        synchronized (s) {
            return s.minutesAtOrAbove(threshold);
        }
    }

    /** The stamp's scores of the last 12 h, oldest first: {@code [epoch minute, score]} (score NaN when none). */
    List<double[]> trend(String stamp) {
        LiveStamp s = live.get(stamp);
        if (s == null) {
            return new ArrayList<>();
        }
        synchronized (s) {
            return s.trend();
        }
    }
}
