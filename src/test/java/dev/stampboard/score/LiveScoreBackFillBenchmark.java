package dev.stampboard.score;

import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampKind;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.score.engine.FeatureSettings;
import dev.stampboard.score.engine.ScoreFeature;
import dev.stampboard.score.engine.ScoreModel;
import dev.stampboard.score.engine.StampMinute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * What the live score's start costs (not a test): a {@link LiveScoreBoard}'s first minute reads and scores the 12 h
 * before it for every stamp, as a console's start does after the simulator's back-fill. Prints, per round, the bytes
 * the reading thread allocated and its CPU time; the engine's minutes are made before the first round, so neither
 * counts them. Run: {@code java -cp target/test-classes:target/classes:<deps>
 * dev.stampboard.score.LiveScoreBackFillBenchmark [stamps] [rounds]}.
 */
public final class LiveScoreBackFillBenchmark {

    /** The first minute the board is called with: it reads the 12 h before. */
    static final long MINUTE = 29_000_000L + 37;

    public static void main(String[] args) {
        int stamps = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<StampInfo> fleet = new ArrayList<>();
        for (int s = 0; s < stamps; s++) {
            fleet.add(new StampInfo(
                    String.format(Locale.ROOT, "bench-s%03d", s),
                    "bench-land",
                    StampKind.SHARED,
                    StampStatus.ACTIVE,
                    List.of(),
                    List.of()));
        }
        EngineMinutes engine = engine(fleet);
        double[] ones = new double[ScoreFeature.COUNT];
        Arrays.fill(ones, 1.0);
        LiveScoreBoard.Scorer scorer =
                new LiveScoreBoard.Scorer(1, new ScoreModel(new double[ScoreFeature.COUNT], ones, ones, -5.0));
        com.sun.management.ThreadMXBean thread =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long stampMinutes = (long) stamps * LiveScoreBoard.TREND_MINUTES;
        for (int round = 0; round < rounds; round++) {
            LiveScoreBoard board = new LiveScoreBoard();
            board.scoreWith(scorer);
            long bytes = thread.getThreadAllocatedBytes(id);
            long cpu = thread.getCurrentThreadCpuTime();
            board.onMinute(MINUTE, fleet, FeatureSettings.DEFAULTS, engine);
            cpu = thread.getCurrentThreadCpuTime() - cpu;
            bytes = thread.getThreadAllocatedBytes(id) - bytes;
            System.out.printf(
                    Locale.ROOT,
                    "round %d: %d stamps x %d minutes: %.1f MB allocated (%.0f B per stamp-minute), %.0f ms CPU%n",
                    round,
                    stamps,
                    LiveScoreBoard.TREND_MINUTES,
                    bytes / 1e6,
                    (double) bytes / stampMinutes,
                    cpu / 1e6);
        }
    }

    /** The engine's 12 h before {@link #MINUTE}, made once: each chunk's answer is kept for the next rounds. */
    static EngineMinutes engine(List<StampInfo> fleet) {
        Random random = new Random(11);
        Map<String, StampMinute[]> all = new HashMap<>();
        for (StampInfo s : fleet) {
            double base = 10 + 80 * random.nextDouble();
            StampMinute[] minutes = new StampMinute[LiveScoreBoard.TREND_MINUTES];
            for (int m = 0; m < minutes.length; m++) {
                minutes[m] = ScoreBenchmark.syntheticMinute(random, base, m);
            }
            all.put(s.name(), minutes);
        }
        long first = MINUTE - LiveScoreBoard.TREND_MINUTES;
        Map<Long, Map<String, StampMinute[]>> chunks = new HashMap<>();
        return (from, to, stamps) -> chunks.computeIfAbsent(from, f -> {
            Map<String, StampMinute[]> chunk = new HashMap<>();
            all.forEach((name, minutes) ->
                    chunk.put(name, Arrays.copyOfRange(minutes, (int) (from - first), (int) (to - first + 1))));
            return chunk;
        });
    }
}
