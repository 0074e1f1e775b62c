package dev.stampboard.calibration.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stampboard.fleet.PoolKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationFitterTest {

    private static final Map<PoolKind, Double> PLANNER_B = Map.of(PoolKind.REGISTRY, 7.0, PoolKind.DATAPROXY, 6.0);

    @Test
    void fits_the_idle_baseline_from_traffic_and_cpu() {
        // a pool whose hot node burns 3 % idle plus 0.5 % per unit of traffic per node
        int n = 200;
        double[] traffic = new double[n];
        double[] cpu = new double[n];
        for (int i = 0; i < n; i++) {
            traffic[i] = 10 + i % 100;
            cpu[i] = 3 + 0.5 * traffic[i];
        }
        List<PoolHistory> history = List.of(new PoolHistory("s1", PoolKind.DATAPROXY, traffic, cpu));
        List<MoveOutcome> outcomes =
                List.of(new MoveOutcome("p1", 1, "r1", "s1", PoolKind.DATAPROXY, false, 50, 40, 41, 0));

        Calibration c = CalibrationFitter.fit(outcomes, history, PLANNER_B);

        assertThat(c.baseline("s1", PoolKind.DATAPROXY, 6.0)).isCloseTo(3.0, within(1e-6));
        assertThat(c.moves()).isEqualTo(1);
        // a source's drop is (before − b) · share: with b = 3 instead of 6, (50 − 3) / (50 − 6) times the planner's 10
        assertThat(c.predict(outcomes.get(0), 6.0)).isCloseTo(50 - 10 * 47.0 / 44.0, within(1e-6));
    }

    @Test
    void fits_each_big_registrys_cost_from_the_hot_node_and_its_own_traffic() {
        // two registries with independently varying traffic; a unit of "heavy" costs 1.5 times a unit of "light";
        // the hot node burns 4 % idle plus 0.02 % per unit of weighted work, and a minute at 100 % is saturated
        int n = 720;
        double[] heavy = new double[n];
        double[] light = new double[n];
        double[] hot = new double[n];
        double[] perNode = new double[n];
        for (int t = 0; t < n; t++) {
            heavy[t] = 1000 + 400 * Math.sin(t / 37.0) + 150 * Math.cos(t * 1.7);
            light[t] = 1200 + 500 * Math.cos(t / 53.0) + 150 * Math.sin(t * 2.3);
            hot[t] = 4 + 0.02 * (1.5 * heavy[t] + light[t]);
            perNode[t] = (heavy[t] + light[t]) / 10;
        }
        hot[5] = 100; // saturated: ignored
        PoolHistory h = new PoolHistory("s1", PoolKind.REGISTRY, perNode, hot, Map.of("heavy", heavy, "light", light));

        Calibration c = CalibrationFitter.fit(List.of(), List.of(h), PLANNER_B);

        double b = c.baseline("s1", PoolKind.REGISTRY, 7.0);
        // the factor makes the planner's (hot − b) · share · k add up to what the registry really put on the hot node
        for (String registry : List.of("heavy", "light")) {
            double[] own = registry.equals("heavy") ? heavy : light;
            double weight = registry.equals("heavy") ? 1.5 : 1.0;
            double real = 0;
            double calibrated = 0;
            for (int t = 0; t < n; t++) {
                if (t == 5) {
                    continue;
                }
                real += 0.02 * weight * own[t];
                calibrated += (hot[t] - b) * own[t] / (heavy[t] + light[t]) * c.cost(registry, PoolKind.REGISTRY);
            }
            assertThat(calibrated).as(registry).isCloseTo(real, within(0.02 * real));
        }
        assertThat(c.cost("heavy", PoolKind.REGISTRY)).isGreaterThan(1.0);
        assertThat(c.cost("light", PoolKind.REGISTRY)).isLessThan(1.0);
        assertThat(c.cost("unknown", PoolKind.REGISTRY)).isEqualTo(1.0);
    }

    @Test
    void without_outcomes_nothing_changes() {
        Calibration c = CalibrationFitter.fit(List.of(), List.of(), PLANNER_B);
        assertThat(c.moves()).isZero();
        assertThat(c.cost("any", PoolKind.REGISTRY)).isEqualTo(1.0);
        assertThat(c.baseline("x", PoolKind.REGISTRY, 7.0)).isEqualTo(7.0);
    }
}
