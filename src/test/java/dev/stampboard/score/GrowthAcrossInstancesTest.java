package dev.stampboard.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampKind;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.score.engine.Contribution;
import dev.stampboard.score.engine.FeatureSettings;
import dev.stampboard.score.engine.ScoreFeature;
import dev.stampboard.score.engine.ScoreModel;
import dev.stampboard.score.engine.StampMinute;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the growth feature (requests of the last 24 complete hours against the 24 before) of an instance started
 * a moment ago equals that of an instance that saw the two days live. The engine here keeps 12 h, as the real one
 * does, so the older hours can only come from the shared store of hourly totals. The expected growth is summed by
 * brute force from the per-minute requests this test sends.
 */
class GrowthAcrossInstancesTest {

    /** An epoch minute that is no multiple of an hour or of the tracker's 180-minute period. */
    private static final long START = 29_000_000L + 37;

    private static final int ENGINE_MINUTES = 720;
    private static final String STAMP = "grow-s01";
    private static final List<StampInfo> STAMPS =
            List.of(new StampInfo(STAMP, "grow-region", StampKind.SHARED, StampStatus.ACTIVE, List.of(), List.of()));
    private static final LiveScoreBoard.Scorer SCORER = new LiveScoreBoard.Scorer(1, model());

    /** {@code board}, scoring with {@link #SCORER}. */
    private static LiveScoreBoard scoring(LiveScoreBoard board) {
        board.scoreWith(SCORER);
        return board;
    }

    /** The shared store: stamp → epoch hour → requests, the larger total kept, as the database does. */
    private final Map<String, Map<Long, Long>> store = new HashMap<>();

    private final StoredHours shared = new StoredHours() {
        @Override
        public Map<String, Map<Long, Long>> read(long fromHour, long toHour, Collection<String> stamps) {
            Map<String, Map<Long, Long>> out = new HashMap<>();
            for (String s : stamps) {
                Map<Long, Long> hours = new HashMap<>();
                store.getOrDefault(s, Map.of()).forEach((h, r) -> {
                    if (h >= fromHour && h <= toHour) {
                        hours.put(h, r);
                    }
                });
                out.put(s, hours);
            }
            return out;
        }

        @Override
        public void write(List<StoredHours.HourTotal> totals) {
            totals.forEach(t ->
                    store.computeIfAbsent(t.stamp(), k -> new HashMap<>()).merge(t.hour(), t.requests(), Math::max));
        }
    };

    /** The engine's current minute: it holds only the {@value #ENGINE_MINUTES} minutes up to it. */
    private long now;

    private LongUnaryOperator requests = GrowthAcrossInstancesTest::requests;

    private static ScoreModel model() {
        double[] zeros = new double[ScoreFeature.COUNT];
        double[] ones = new double[ScoreFeature.COUNT];
        Arrays.fill(ones, 1.0);
        double[] weights = new double[ScoreFeature.COUNT];
        weights[ScoreFeature.GROWTH.ordinal()] = 0.05;
        return new ScoreModel(zeros, ones, weights, -3.0);
    }

    /** Requests per minute: a daily shape on a level that climbs by 2 a minute every hour. */
    private static long requests(long minute) {
        long hour = Math.floorDiv(minute, 60);
        long hourOfDay = Math.floorMod(hour, 24);
        return 1_000 + 2 * (hour - Math.floorDiv(START, 60)) + (hourOfDay >= 8 && hourOfDay < 20 ? 400 : 0);
    }

    private Map<String, StampMinute[]> range(long from, long to, List<StampInfo> stamps) {
        StampMinute[] minutes = new StampMinute[(int) (to - from + 1)];
        for (long m = from; m <= to; m++) {
            long r = m < now - ENGINE_MINUTES + 1 ? 0 : requests.applyAsLong(m);
            minutes[(int) (m - from)] = r == 0 ? StampMinute.SILENT : new StampMinute(30, 40, r, 0.0, 0.0, 100.0, 0.5);
        }
        return Map.of(STAMP, minutes);
    }

    private void minute(LiveScoreBoard board, long minute) {
        now = minute - 1;
        board.onMinute(minute, STAMPS, FeatureSettings.DEFAULTS, this::range);
    }

    private static double growth(LiveScoreBoard board) {
        return board.scoreOf(STAMP).orElseThrow().breakdown().stream()
                .filter(c -> c.feature() == ScoreFeature.GROWTH)
                .mapToDouble(Contribution::value)
                .findFirst()
                .orElseThrow();
    }

    /** The growth scored at {@code minute} (from the minutes before it), summed here minute by minute. */
    private double expectedGrowth(long minute) {
        long lastHour = Math.floorDiv(minute, 60) - 1; // the last hour whose minutes all lie before {@code minute}
        double last = 0;
        double before = 0;
        for (long m = (lastHour - 23) * 60; m < (lastHour + 1) * 60; m++) {
            last += requests.applyAsLong(m);
        }
        for (long m = (lastHour - 47) * 60; m < (lastHour - 23) * 60; m++) {
            before += requests.applyAsLong(m);
        }
        return 100.0 * (last / before - 1.0);
    }

    /** A board that runs from {@code START} to {@code end}, one minute at a time, writing to the shared store. */
    private LiveScoreBoard runLive(long end) {
        LiveScoreBoard live = scoring(new LiveScoreBoard(shared));
        for (long m = START; m <= end; m++) {
            minute(live, m);
        }
        return live;
    }

    @Test
    void an_instance_started_now_computes_the_growth_of_one_that_saw_the_two_days() {
        long end = START + 50 * 60 + 23; // 50 h 23 min live, ending inside an hour
        LiveScoreBoard live = runLive(end);

        LiveScoreBoard started = scoring(new LiveScoreBoard(shared));
        minute(started, end);
        LiveScoreBoard withoutStore = scoring(new LiveScoreBoard());
        minute(withoutStore, end);

        double expected = expectedGrowth(end);
        assertThat(expected).as("the test's own figure is a real growth").isGreaterThan(2.0);
        assertThat(growth(live)).as("the instance that saw two days").isCloseTo(expected, within(1e-9));
        assertThat(growth(started)).as("an instance started now").isCloseTo(expected, within(1e-9));
        assertThat(growth(withoutStore))
                .as("12 h of engine alone know no growth")
                .isZero();

        // on through the next hour's turn: both take the new hour from their engines and still agree
        for (long m = end + 1; m <= end + 60; m++) {
            minute(live, m);
            minute(started, m);
        }
        assertThat(growth(started)).isCloseTo(expectedGrowth(end + 60), within(1e-9));
        assertThat(growth(live)).isCloseTo(expectedGrowth(end + 60), within(1e-9));
    }

    @Test
    void a_stamp_read_again_after_a_back_fill_keeps_its_growth() {
        long end = START + 49 * 60 + 41;
        LiveScoreBoard live = runLive(end);
        live.late(STAMP, end - 100); // older than the replayed minutes: the stamp's 12 h are read afresh
        live.settle(STAMPS, FeatureSettings.DEFAULTS, this::range);
        assertThat(growth(live)).isCloseTo(expectedGrowth(end), within(1e-9));
    }

    @Test
    void the_growth_stays_unknown_on_every_instance_while_an_hour_of_the_two_days_had_no_request() {
        long end = START + 50 * 60 + 23;
        long quietHour = Math.floorDiv(end, 60) - 30; // in the day before, older than the engine's 12 h at the end
        requests = m -> Math.floorDiv(m, 60) == quietHour ? 0 : requests(m);
        LiveScoreBoard live = runLive(end);
        LiveScoreBoard started = scoring(new LiveScoreBoard(shared));
        minute(started, end);
        assertThat(growth(live)).isZero();
        assertThat(growth(started)).isZero();
    }
}
