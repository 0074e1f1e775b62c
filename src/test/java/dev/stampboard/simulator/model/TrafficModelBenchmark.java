package dev.stampboard.simulator.model;

/**
 * How long the traffic model takes for one minute of a large fleet: 500 generated stamps with 100 registries each
 * (50,000 replicas). {@code GeneratedScenarioTest} checks that such a minute is built and sane; the time per minute,
 * which it used to print after 20 more minutes no assertion looked at, is measured here.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &amp;&amp; \
 *   java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.stampboard.simulator.model.TrafficModelBenchmark
 * </pre>
 */
public final class TrafficModelBenchmark {

    private TrafficModelBenchmark() {}

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long t0 = System.nanoTime();
        Scenario scenario = Scenarios.generated(10, 50, 100, 2026);
        FleetLayout layout = scenario.initialLayout();
        long t1 = System.nanoTime();
        FleetTrafficModel model = new FleetTrafficModel(scenario, 2026);
        long minute = Measurements.epochMinute("2026-11-26T15:00:00Z");
        MinuteSnapshot first = model.minute(minute, layout);
        long t2 = System.nanoTime();
        for (int i = 1; i <= repeats; i++) {
            model.minute(minute + i, layout);
        }
        long t3 = System.nanoTime();
        System.out.printf(
                "generated 500 stamps x 100 registries: scenario + layout %d ms, first minute %d ms,"
                        + " then %.1f ms per minute over %d minutes (%d node samples, %d replicas)%n",
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (t3 - t2) / 1e6 / Math.max(1, repeats),
                repeats,
                first.nodeCpu().size(),
                first.traffic().size());
    }
}
