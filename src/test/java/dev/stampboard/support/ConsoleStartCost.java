package dev.stampboard.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * By hand, not part of the suite: the CPU of a console start (what each {@link ChildConsole} of the failsafe phase
 * pays), for two or more configurations started alternately, so that a change of load on the shared machine falls on
 * all of them alike. Each start is a {@link ChildConsole} as the console tests start it: a fresh H2 file, the seed's
 * simulator with a 60-minute back-fill, until readiness answers 200; its CPU (user + system of the child) is read
 * then and again 15 s later (work a start leaves running in the background), and the child is stopped.
 *
 * <pre>{@code
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.stampboard.support.ConsoleStartCost 4 \
 *     "with=test-classes" "without="
 * }</pre>
 *
 * Each configuration is {@code label=token token …}: {@code --key=value} a property, {@code -X…} a JVM option,
 * {@code test-classes} the class path with the test classes ({@link ChildConsole.Builder#withTestClasses}),
 * {@code main=<class>} another main. Logs: {@code target/console-start-cost/}.
 */
public final class ConsoleStartCost {

    private static final Duration AFTER_READY = Duration.ofSeconds(15);

    private ConsoleStartCost() {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        Map<String, String> configurations = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            configurations.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
        }
        Map<String, List<double[]>> figures = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, String> configuration : configurations.entrySet()) {
                double[] cpu = start(configuration.getKey() + "-" + round, configuration.getValue());
                figures.computeIfAbsent(configuration.getKey(), k -> new ArrayList<>())
                        .add(cpu);
                System.out.printf(
                        Locale.ROOT,
                        "%-24s ready %6.1f CPU-s   +15 s %6.1f CPU-s   wall to ready %5.1f s%n",
                        configuration.getKey() + " #" + round,
                        cpu[0],
                        cpu[1],
                        cpu[2]);
            }
        }
        System.out.println("-- CPU-s at readiness (and 15 s later): mean, min, max");
        figures.forEach((label, runs) -> System.out.printf(
                Locale.ROOT,
                "%-16s %6.1f [%5.1f – %5.1f]   (%6.1f [%5.1f – %5.1f])%n",
                label,
                mean(runs, 0),
                min(runs, 0),
                max(runs, 0),
                mean(runs, 1),
                min(runs, 1),
                max(runs, 1)));
    }

    /** One start: CPU-s at readiness, CPU-s 15 s later, wall seconds to readiness. */
    private static double[] start(String name, String spec) throws Exception {
        Path data = Files.createTempDirectory("console-start-cost");
        ChildConsole.Builder builder = ChildConsole.named(name)
                .log(Path.of("target", "console-start-cost", name + ".log"))
                .property(
                        "spring.datasource.url",
                        "jdbc:h2:file:" + data.resolve("db") + ";AUTO_SERVER=FALSE;WRITE_DELAY=0;MAX_COMPACT_TIME=0")
                .property("stampboard.simulator.backfill-minutes", 60);
        for (String token : spec.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            } else if (token.equals("test-classes")) {
                builder.withTestClasses();
            } else if (token.startsWith("main=")) {
                builder.main(Class.forName(token.substring("main=".length())));
            } else if (token.startsWith("--")) {
                int eq = token.indexOf('=');
                builder.property(token.substring(2, eq), token.substring(eq + 1));
            } else if (token.startsWith("-")) {
                builder.jvmOption(token);
            } else {
                throw new IllegalArgumentException("not a property, JVM option or keyword: " + token);
            }
        }
        long started = System.nanoTime();
        try (ChildConsole console = builder.startReady()) {
            double wall = (System.nanoTime() - started) / 1e9;
            double atReady = console.cpu().toMillis() / 1000.0;
            Thread.sleep(AFTER_READY.toMillis());
            double later = console.cpu().toMillis() / 1000.0;
            console.stop(Duration.ofSeconds(30));
            return new double[] {atReady, later, wall};
        }
    }

    private static double mean(List<double[]> runs, int i) {
        return runs.stream().mapToDouble(r -> r[i]).average().orElse(Double.NaN);
    }

    private static double min(List<double[]> runs, int i) {
        return runs.stream().mapToDouble(r -> r[i]).min().orElse(Double.NaN);
    }

    private static double max(List<double[]> runs, int i) {
        return runs.stream().mapToDouble(r -> r[i]).max().orElse(Double.NaN);
    }
}
