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
import dev.stampboard.support.Threads;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Telemetry that arrives after its minute was scored (issue 18): the running board must end with the score a fresh
 * reading of the full data gives. The model weighs only the dataproxy hot-node P95 (0.1 per point, intercept −5), so
 * the expected score is worked out here from the nearest-rank P95 of the values sent: 100 / (1 + e^−(0.1·p95 − 5)).
 */
class LiveScoreBoardTest {

    /** An epoch minute that is no multiple of the tracker's periods. */
    private static final long N = 29_000_000L + 37;

    private static final FeatureSettings SETTINGS = FeatureSettings.DEFAULTS;
    private static final LiveScoreBoard.Scorer SCORER = new LiveScoreBoard.Scorer(1, model(0.1, -5.0));

    /** {@code board}, scoring with {@link #SCORER}. */
    private static LiveScoreBoard scoring(LiveScoreBoard board) {
        board.scoreWith(SCORER);
        return board;
    }

    /** What the engine holds: stamp → minute → the minute's values. */
    private final Map<String, Map<Long, StampMinute>> engine = new HashMap<>();

    private final LiveScoreBoard board = scoring(new LiveScoreBoard());

    /** A model that weighs only the dataproxy hot-node P95: {@code weight} a point, and {@code intercept}. */
    private static ScoreModel model(double weight, double intercept) {
        double[] zeros = new double[ScoreFeature.COUNT];
        double[] ones = new double[ScoreFeature.COUNT];
        Arrays.fill(ones, 1.0);
        double[] weights = new double[ScoreFeature.COUNT];
        weights[ScoreFeature.P95_DATAPROXY.ordinal()] = weight;
        return new ScoreModel(zeros, ones, weights, intercept);
    }

    private static double expectedScore(double p95) {
        return 100.0 / (1.0 + Math.exp(-(0.1 * p95 - 5.0)));
    }

    private static StampInfo stamp(String name) {
        return new StampInfo(name, "late-region", StampKind.SHARED, StampStatus.ACTIVE, List.of(), List.of());
    }

    private void send(String stamp, long minute, double registry, double dataproxy) {
        engine.computeIfAbsent(stamp, k -> new HashMap<>())
                .put(minute, new StampMinute(registry, dataproxy, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
    }

    private Map<String, StampMinute[]> range(long from, long to, List<StampInfo> stamps) {
        Map<String, StampMinute[]> out = new HashMap<>();
        for (StampInfo s : stamps) {
            StampMinute[] minutes = new StampMinute[(int) (to - from + 1)];
            for (long m = from; m <= to; m++) {
                minutes[(int) (m - from)] =
                        engine.getOrDefault(s.name(), Map.of()).getOrDefault(m, StampMinute.SILENT);
            }
            out.put(s.name(), minutes);
        }
        return out;
    }

    /** The board's minute {@code minute} (it reads minute − 1) and a late sample's report, as the service calls them. */
    private void minute(LiveScoreBoard b, long minute, List<StampInfo> stamps, FeatureSettings settings) {
        b.onMinute(minute, stamps, settings, this::range);
    }

    private void lateSample(String stamp, long minute, double registry, double dataproxy) {
        send(stamp, minute, registry, dataproxy);
        board.late(stamp, minute);
    }

    private double p95Dataproxy(StampScore s) {
        return s.breakdown().stream()
                .filter(c -> c.feature() == ScoreFeature.P95_DATAPROXY)
                .mapToDouble(Contribution::value)
                .findFirst()
                .orElseThrow();
    }

    /** The board's latest score and features equal those of a board that reads the full data now, for the first time. */
    private void assertSameAsFresh(long minute, List<StampInfo> stamps, FeatureSettings settings) {
        LiveScoreBoard fresh = scoring(new LiveScoreBoard());
        minute(fresh, minute, stamps, settings);
        for (StampInfo s : stamps) {
            StampScore running = board.scoreOf(s.name()).orElseThrow();
            StampScore reference = fresh.scoreOf(s.name()).orElseThrow();
            assertThat(running.minute()).isEqualTo(reference.minute()).isEqualTo(minute);
            assertThat(running.score()).as(s.name()).isCloseTo(reference.score(), within(1e-9));
            List<Contribution> a = running.breakdown();
            List<Contribution> b = reference.breakdown();
            for (int i = 0; i < a.size(); i++) {
                assertThat(a.get(i).value())
                        .as("%s %s", s.name(), a.get(i).feature())
                        .isCloseTo(b.get(i).value(), within(1e-9));
            }
        }
    }

    @Test
    void the_rest_of_a_scored_minute_arriving_late_gives_the_score_of_the_full_minute() {
        List<StampInfo> stamps = List.of(stamp("late-s01"));
        for (long m = N - 9; m < N; m++) {
            send("late-s01", m, 40, 30);
        }
        send("late-s01", N, 40, Double.NaN); // minute N: only the registry pool's collector has posted
        minute(board, N + 1, stamps, SETTINGS);
        assertThat(board.scoreOf("late-s01").orElseThrow().score())
                .as("scored with the part that had arrived: P95 of nine 30s")
                .isCloseTo(expectedScore(30), within(1e-9));

        lateSample("late-s01", N, 40, 95); // the dataproxy collector posts minute N after it passed
        board.settle(stamps, SETTINGS, this::range);

        // ten values, nine 30s and a 95: the nearest rank ceil(0.95 · 10) = 10 is the 95
        StampScore score = board.scoreOf("late-s01").orElseThrow();
        assertThat(p95Dataproxy(score)).isEqualTo(95.0);
        assertThat(score.score()).isCloseTo(expectedScore(95), within(1e-9));
        assertThat(board.trend("late-s01").get(LiveScoreBoard.TREND_MINUTES - 1))
                .containsExactly((double) N, score.score());
        assertSameAsFresh(N + 1, stamps, SETTINGS);

        // the corrected minute moves into the settled part of the tracker: 40 minutes on, it still counts
        for (long m = N + 2; m <= N + 41; m++) {
            send("late-s01", m - 1, 40, Double.NaN);
            minute(board, m, stamps, SETTINGS);
        }
        assertThat(board.scoreOf("late-s01").orElseThrow().score()).isCloseTo(expectedScore(95), within(1e-9));
        assertSameAsFresh(N + 41, stamps, SETTINGS);
        // and a later revision replays onto it: eleven values, ten 30s and the 95
        lateSample("late-s01", N + 40, 40, 30);
        board.settle(stamps, SETTINGS, this::range);
        assertThat(board.scoreOf("late-s01").orElseThrow().score()).isCloseTo(expectedScore(95), within(1e-9));
        assertSameAsFresh(N + 41, stamps, SETTINGS);
    }

    @Test
    void a_back_fill_older_than_the_replayed_minutes_reads_the_stamp_again() {
        List<StampInfo> stamps = List.of(stamp("late-s02"));
        for (long m = N - 9; m <= N; m++) {
            send("late-s02", m, 40, 30);
        }
        minute(board, N + 1, stamps, SETTINGS);
        assertThat(board.scoreOf("late-s02").orElseThrow().score()).isCloseTo(expectedScore(30), within(1e-9));

        lateSample("late-s02", N - 100, Double.NaN, 95); // 100 minutes back: past the replayed minutes
        assertThat(N - 100).isLessThan(N - LiveScoreBoard.SETTLE_MINUTES);
        board.settle(stamps, SETTINGS, this::range);

        // eleven values, ten 30s and a 95: nearest rank ceil(0.95 · 11) = 11 is the 95
        assertThat(board.scoreOf("late-s02").orElseThrow().score()).isCloseTo(expectedScore(95), within(1e-9));
        assertSameAsFresh(N + 1, stamps, SETTINGS);
    }

    @Test
    void a_stamp_first_seen_after_its_telemetry_was_sent_reads_its_past_hours() {
        minute(board, N, List.of(stamp("late-s03")), SETTINGS);
        // late-s04 declared and two hours back-filled before the board's next minute
        send("late-s04", N - 120, Double.NaN, 95);
        for (long m = N - 9; m < N; m++) {
            send("late-s04", m, 40, 30);
        }
        board.late("late-s04", N - 120); // not tracked yet: the board reads it with its first minute
        board.settle(List.of(stamp("late-s03"), stamp("late-s04")), SETTINGS, this::range);
        List<StampInfo> both = List.of(stamp("late-s03"), stamp("late-s04"));
        minute(board, N + 1, both, SETTINGS);

        assertThat(board.scoreOf("late-s04").orElseThrow().score()).isCloseTo(expectedScore(95), within(1e-9));
        assertSameAsFresh(N + 1, both, SETTINGS);
    }

    @Test
    void a_changed_hot_threshold_reads_the_stamps_again_with_it() {
        List<StampInfo> stamps = List.of(stamp("late-s05"));
        for (long m = N - 9; m <= N; m++) {
            send("late-s05", m, 40, 30);
        }
        minute(board, N + 1, stamps, SETTINGS);
        FeatureSettings hotter = SETTINGS.withHotThreshold(80);
        board.settle(stamps, hotter, this::range);

        double headroom = board.scoreOf("late-s05").orElseThrow().breakdown().stream()
                .filter(c -> c.feature() == ScoreFeature.HEADROOM)
                .mapToDouble(Contribution::value)
                .findFirst()
                .orElseThrow();
        assertThat(headroom).as("80 − the P95 of the hotter pool, 40").isEqualTo(40.0);
        assertSameAsFresh(N + 1, stamps, hotter);
    }

    /**
     * The SCORE trigger's difference after the first model activated (issue 18): a board that ran before any model
     * existed scored only its latest minute when the model came, while one started after it scored its whole 12 h, so
     * the minutes at or above the trigger's threshold (1 against 38 here) and the trend differed for hours. After an
     * activation, and after a second model (pinned weights), the running board must score every minute of its 12 h
     * as a board started then does; the scores and the count are worked out here from the dataproxy values sent (60
     * minutes at 30, then 41 at 95: the nearest-rank P95 is 95 from the 4th minute at 95 on, so 38 minutes reach 70).
     */
    @Test
    void a_model_activated_on_a_running_board_scores_its_12_h_as_a_board_started_after_it() {
        String name = "act-s01";
        List<StampInfo> stamps = List.of(stamp(name));
        LiveScoreBoard running = new LiveScoreBoard(); // up before any model was trained
        java.util.TreeMap<Long, Double> dataproxy = new java.util.TreeMap<>();
        for (long m = N - 100; m <= N; m++) {
            double value = m < N - 40 ? 30 : 95;
            send(name, m, 40, value);
            dataproxy.put(m, value);
            minute(running, m + 1, stamps, SETTINGS);
        }
        assertThat(running.scoreOf(name)).as("no model yet").isEmpty();

        LiveScoreBoard.Scorer pinned = new LiveScoreBoard.Scorer(1, model(0.08, -4.0)); // 70 at a P95 of about 60.6
        for (LiveScoreBoard.Scorer model : List.of(SCORER, pinned)) {
            running.scoreWith(model);
            if (running.hasLate()) { // ScoreService.settleLate, within a second
                running.settle(stamps, SETTINGS, this::range);
            }
            LiveScoreBoard later = new LiveScoreBoard();
            later.scoreWith(model);
            minute(later, N + 1, stamps, SETTINGS);

            double threshold = 70.0; // ScoreRule.DEFAULT_THRESHOLD
            int expectedMinutes = 0;
            for (long m = N; m >= N - 100 && scoreOf(model, p95Through(dataproxy, m)) >= threshold; m--) {
                expectedMinutes++;
            }
            assertThat(expectedMinutes).as(model.toString()).isEqualTo(38);
            assertThat(running.minutesAtOrAbove(name, threshold))
                    .as("minutes at or above %s on the board that ran when %s came", threshold, model)
                    .isEqualTo(later.minutesAtOrAbove(name, threshold))
                    .isEqualTo(expectedMinutes);
            List<double[]> trend = running.trend(name);
            List<double[]> reference = later.trend(name);
            assertThat(trend).hasSameSizeAs(reference);
            for (int i = 0; i < trend.size(); i++) {
                long m = (long) trend.get(i)[0];
                assertThat(m).isEqualTo((long) reference.get(i)[0]);
                assertThat(trend.get(i)[1])
                        .as("minute %d", m)
                        .isCloseTo(reference.get(i)[1], within(1e-9));
                if (m >= N - 100) {
                    assertThat(trend.get(i)[1])
                            .as("minute %d under %s", m, model)
                            .isCloseTo(scoreOf(model, p95Through(dataproxy, m)), within(1e-9));
                }
            }
            assertThat(running.scoreOf(name).orElseThrow().score())
                    .isCloseTo(later.scoreOf(name).orElseThrow().score(), within(1e-9));
        }
    }

    /** The score {@code model} gives a dataproxy P95 (the only feature either test model weighs). */
    private static double scoreOf(LiveScoreBoard.Scorer model, double p95) {
        double weight = model == SCORER ? 0.1 : 0.08;
        double intercept = model == SCORER ? -5.0 : -4.0;
        return 100.0 / (1.0 + Math.exp(-(weight * p95 + intercept)));
    }

    /** DESIGN §2's nearest rank over the values sent up to {@code minute}: the value at rank ceil(0.95 n). */
    private static double p95Through(java.util.NavigableMap<Long, Double> sent, long minute) {
        double[] values = sent.headMap(minute, true).values().stream()
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        return values[(int) Math.ceil(0.95 * values.length) - 1];
    }

    /**
     * A model activated while the board reads its minutes (the start's 12 h, read in hourly chunks) scores every stamp
     * once the read is done: without the board's lock the activation rescored the stamps read so far and the rest of
     * the read went on scoring without a model, leaving the stamp unscored until the next minute.
     */
    @Test
    void a_model_activated_while_minutes_are_read_scores_the_stamps_once_the_read_is_done() throws Exception {
        List<StampInfo> stamps = List.of(stamp("late-s06"));
        for (long m = N - 9; m <= N; m++) {
            send("late-s06", m, 40, 30);
        }
        LiveScoreBoard unscored = new LiveScoreBoard();
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch goOn = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        EngineMinutes slowSecondRead = (from, to, s) -> {
            if (reads.incrementAndGet() == 2) { // the stamp's first hour is read and scored
                reading.countDown();
                try {
                    goOn.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return range(from, to, s);
        };
        Thread minute = new Thread(() -> unscored.onMinute(N + 1, stamps, SETTINGS, slowSecondRead));
        minute.start();
        assertThat(reading.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Thread activation = new Thread(() -> unscored.scoreWith(SCORER));
        activation.start();
        Threads.awaitBlockedOrDone(activation, java.time.Duration.ofSeconds(10));
        goOn.countDown();
        minute.join(30_000);
        activation.join(30_000);

        StampScore score = unscored.scoreOf("late-s06").orElseThrow();
        assertThat(score.version()).isEqualTo(1);
        assertThat(score.minute()).isEqualTo(N + 1);
        assertThat(score.score()).isCloseTo(expectedScore(30), within(1e-9));
    }

    /**
     * A start reads and scores every stamp's 12 h, and only the last minute's score is ever read: the board makes that
     * one when it is read, and nothing for each stamp-minute it scores. Counted as this thread's allocation while a
     * board reads 20 stamps' 12 h (the engine's answers made before), less what the stamps' feature trackers take:
     * about 180 bytes per stamp-minute while each minute made a score, a copy of its features and a lambda.
     */
    @Test
    void a_back_fill_allocates_nothing_per_stamp_minute() {
        List<StampInfo> stamps = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> stamp("alloc-s" + i))
                .toList();
        long minute = LiveScoreBackFillBenchmark.MINUTE;
        EngineMinutes engine = LiveScoreBackFillBenchmark.engine(stamps);
        scoring(new LiveScoreBoard()).onMinute(minute, stamps, SETTINGS, engine); // the engine's answers, the classes

        List<LiveStamp> kept = new java.util.ArrayList<>();
        long before = allocated();
        for (StampInfo s : stamps) {
            kept.add(new LiveStamp(SETTINGS, minute - LiveScoreBoard.TREND_MINUTES, Map.of()));
        }
        long trackers = allocated() - before;
        LiveScoreBoard measured = scoring(new LiveScoreBoard());
        before = allocated();
        measured.onMinute(minute, stamps, SETTINGS, engine);
        long read = allocated() - before;

        assertThat(kept).hasSize(stamps.size());
        assertThat(measured.scoreOf("alloc-s0").orElseThrow().minute()).isEqualTo(minute);
        assertThat((read - trackers) / (double) (stamps.size() * LiveScoreBoard.TREND_MINUTES))
                .as("bytes per stamp-minute besides the trackers (%d bytes read, %d the trackers)", read, trackers)
                .isLessThan(8.0);
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
