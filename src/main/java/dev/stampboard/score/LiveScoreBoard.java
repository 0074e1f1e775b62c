package dev.stampboard.score;

import dev.stampboard.base.Maps;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.score.engine.FeatureSettings;
import dev.stampboard.score.engine.ScoreModel;
import dev.stampboard.score.engine.StampMinute;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Every stamp's live score ({@link LiveStamp}): its feature tracker fed one complete minute at a time, the latest
 * score under the active model and the last 12 h of scores. The signals' advance thread writes (and the settling of
 * late telemetry, under the same lock in {@link ScoreService}); views and triggers read. The growth feature's two days
 * of hourly request totals, more than the engine keeps, come from the store for the hours a stamp did not read whole
 * ({@link StoredHours}).
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

    /** The engine's minutes {@code [from, to]} of each stamp: index {@code i} is minute {@code from + i}. */
    @FunctionalInterface
    interface Observations {
        Map<String, StampMinute[]> range(long from, long to, List<StampInfo> stamps);
    }

    /**
     * The store's request totals of stamps per epoch hour (issue 18): the two days the growth feature compares, more
     * than the engine keeps. Every instance writes the hours it read whole; a stamp read afresh (at start, after older
     * late data, a threshold change) takes the hours before its first minute from here, so an instance started now
     * compares the same two days as one that saw them live.
     */
    interface StoredHours {
        /** The stored totals of epoch hours {@code [fromHour, toHour]}: stamp → hour → requests (none stored: absent). */
        Map<String, Map<Long, Long>> read(long fromHour, long toHour, Collection<String> stamps);

        /** Stores the totals of hours read whole; a total only grows with late telemetry, so the larger one stays. */
        void write(List<HourTotal> totals);
    }

    /** One stamp's requests in one epoch hour. */
    record HourTotal(String stamp, long hour, long requests) {}

    /** Nothing stored: the growth needs two days seen by this board (tests of other features). */
    static final StoredHours NOTHING_STORED = new StoredHours() {
        @Override
        public Map<String, Map<Long, Long>> read(long fromHour, long toHour, Collection<String> stamps) {
            return Map.of();
        }

        @Override
        public void write(List<HourTotal> totals) {}
    };

    private final StoredHours hours;
    /** Hours read whole since the last write (only the writers, under {@link ScoreService}'s lock, touch it). */
    private final List<HourTotal> wholeHours = new ArrayList<>();

    private final Map<String, LiveStamp> live = new ConcurrentHashMap<>();
    /** Stamps with telemetry recorded after its minute was read, and the earliest such minute. */
    private final Map<String, Long> late = new ConcurrentHashMap<>();
    /** The newest minute fed to the trackers (only the writers, under {@link ScoreService}'s lock, change it). */
    private volatile long lastObserved = Long.MIN_VALUE;

    LiveScoreBoard(StoredHours hours) {
        this.hours = hours;
    }

    LiveScoreBoard() {
        this(NOTHING_STORED);
    }

    /**
     * Called with each new current minute: minute − 1 is complete in the engine (the feed records after moving).
     * When the clock jumped (a wall clock after a pause), the minutes in between are read too, up to 12 h back, and so
     * are the 12 h before the first call: an instance started later reads the same trailing minutes from the engine
     * (which reloaded them from the store) as one that ran all along, and scores each of them, so the two agree on
     * the features, the score and its trend (issue 18). A tracker's minutes are counted from a multiple of
     * {@value #ALIGN} minutes, so its hours and slope sums line up with the same epoch minutes on every instance. A
     * stamp seen for the first time after that reads its 12 h too (telemetry may have been sent for it already).
     *
     * @param observations the engine's minutes of stamps
     * @param model        the active model, null when none is: the stamps are tracked but not scored
     */
    void onMinute(
            long minute,
            List<StampInfo> stamps,
            FeatureSettings settings,
            Observations observations,
            @Nullable Scorer model) {
        long newest = minute - 1;
        boolean first = lastObserved == Long.MIN_VALUE;
        long from = first ? newest - TREND_MINUTES + 1 : Math.max(lastObserved + 1, newest - TREND_MINUTES + 1);
        if (from > newest) {
            return;
        }
        if (first) {
            late.clear(); // what was recorded up to now is read now
        } else {
            settle(stamps, settings, observations, model);
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
            read(known, from, newest, settings, observations, model, live);
        }
        if (!unseen.isEmpty()) {
            readAgain(unseen, newest, settings, observations, model);
        }
        lastObserved = newest;
        writeWholeHours();
    }

    private void writeWholeHours() {
        if (!wholeHours.isEmpty()) {
            hours.write(List.copyOf(wholeHours));
            wholeHours.clear();
        }
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
        late.merge(stamp, minute, Math::min);
    }

    /** Whether {@link #settle} has anything to do. */
    boolean hasLate() {
        return !late.isEmpty();
    }

    /**
     * Reads and scores again each stamp's minutes that changed after it read them ({@link #late}): from the late
     * minute on when it is one of the last {@value #SETTLE_MINUTES}, else the stamp's whole 12 h. Also a stamp tracked
     * with other feature settings (the hot threshold changed) is read again, as an instance starting now would.
     */
    void settle(List<StampInfo> stamps, FeatureSettings settings, Observations observations, @Nullable Scorer model) {
        long newest = lastObserved;
        if (newest == Long.MIN_VALUE) {
            return; // the first onMinute reads everything
        }
        Map<String, StampInfo> byName = new HashMap<>();
        stamps.forEach(s -> byName.put(s.name(), s));
        List<StampInfo> replay = new ArrayList<>();
        Map<String, Long> replayFrom = new HashMap<>();
        Map<String, StampInfo> again = new java.util.LinkedHashMap<>();
        long earliest = newest;
        for (StampInfo stamp : stamps) {
            LiveStamp s = live.get(stamp.name());
            if (s != null && !s.settings.equals(settings)) {
                late.remove(stamp.name());
                again.put(stamp.name(), stamp);
            }
        }
        for (String name : new ArrayList<>(late.keySet())) {
            Long minute = late.remove(name);
            StampInfo stamp = byName.get(name);
            LiveStamp s = live.get(name);
            if (minute == null || stamp == null || s == null || minute > s.latestMinute || again.containsKey(name)) {
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
            Map<String, StampMinute[]> read = observations.range(earliest, newest, replay);
            for (StampInfo stamp : replay) {
                LiveStamp s = live.get(stamp.name());
                if (s != null) {
                    synchronized (s) {
                        revise(
                                s,
                                stamp.name(),
                                Maps.known(replayFrom, stamp.name()),
                                earliest,
                                read.get(stamp.name()),
                                model);
                    }
                }
            }
        }
        if (!again.isEmpty()) {
            readAgain(new ArrayList<>(again.values()), newest, settings, observations, model);
        }
        writeWholeHours();
    }

    /** Puts the minutes from {@code from} on read again into {@code s} and replays them onto its settled tracker. */
    private void revise(
            LiveStamp s,
            String stamp,
            long from,
            long readFrom,
            StampMinute @Nullable [] values,
            @Nullable Scorer model) {
        if (values == null) {
            return;
        }
        for (long m = from; m <= s.latestMinute; m++) {
            s.recent[LiveStamp.slot(m)] = values[(int) (m - readFrom)];
        }
        s.tracker.copyFrom(s.settled);
        for (long m = s.settledMinute + 1; m <= s.latestMinute; m++) {
            boolean wholeHour = s.feed(s.tracker, m, s.recent[LiveStamp.slot(m)]);
            if (m >= from) {
                if (wholeHour) {
                    hourRead(stamp, m, s);
                }
                score(s, stamp, model, m);
            }
        }
    }

    /** Reads the stamps' last 12 h into new trackers and scores each minute, as an instance starting now does. */
    private void readAgain(
            List<StampInfo> stamps,
            long newest,
            FeatureSettings settings,
            Observations observations,
            @Nullable Scorer model) {
        Map<String, LiveStamp> fresh = new HashMap<>();
        read(stamps, newest - TREND_MINUTES + 1, newest, settings, observations, model, fresh);
        live.putAll(fresh);
    }

    /** Feeds {@code [from, to]} to the stamps' trackers in {@code into} (new ones start at {@code from}). */
    private void read(
            List<StampInfo> stamps,
            long from,
            long to,
            FeatureSettings settings,
            Observations observations,
            @Nullable Scorer model,
            Map<String, LiveStamp> into) {
        List<String> added = stamps.stream()
                .map(StampInfo::name)
                .filter(name -> !into.containsKey(name))
                .toList();
        long[] storedRange = LiveStamp.storedHoursFor(from);
        Map<String, Map<Long, Long>> stored =
                added.isEmpty() ? Map.of() : hours.read(storedRange[0], storedRange[1], added);
        for (long chunk = from; chunk <= to; chunk += CHUNK) {
            long chunkTo = Math.min(to, chunk + CHUNK - 1);
            Map<String, StampMinute[]> read = observations.range(chunk, chunkTo, stamps);
            for (long observed = chunk; observed <= chunkTo; observed++) {
                for (StampInfo stamp : stamps) {
                    LiveStamp s = into.computeIfAbsent(
                            stamp.name(), k -> new LiveStamp(settings, from, stored.getOrDefault(k, Map.of())));
                    StampMinute[] values = read.get(stamp.name());
                    synchronized (s) {
                        if (s.observe(
                                observed, values == null ? StampMinute.SILENT : values[(int) (observed - chunk)])) {
                            hourRead(stamp.name(), observed, s);
                        }
                        score(s, stamp.name(), model, observed);
                    }
                }
            }
        }
    }

    /** {@code s} read the hour ending with {@code minute} whole: its total goes to the store (hours without requests: none). */
    private void hourRead(String stamp, long minute, LiveStamp s) {
        double requests = s.tracker.lastHourRequests();
        if (requests > 0) {
            wholeHours.add(new HourTotal(stamp, Math.floorDiv(minute, 60), Math.round(requests)));
        }
    }

    /** Scores {@code s}'s tracker as it stands after {@code minute} (its trend's slot; the latest when newest). */
    private static void score(LiveStamp s, String stamp, @Nullable Scorer model, long minute) {
        s.tracker.features(s.features);
        s.scored = true;
        int slot = (int) Math.floorMod(minute, TREND_MINUTES);
        if (model == null) {
            s.latest = null;
            s.trend[slot] = Double.NaN;
            return;
        }
        ScoreModel m = model.model();
        double logit = m.logit(s.features);
        double score = 100.0 / (1.0 + Math.exp(-logit));
        s.latest = new StampScore(stamp, score, logit, model.version(), minute + 1, m, s.features);
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
                    score(s, e.getKey(), model, s.latestMinute);
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
