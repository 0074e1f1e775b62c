package dev.stampboard.calibration.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.stampboard.fleet.PoolKind;

class CalibrationFitterTest {

    private static final Map<PoolKind, Double> PLANNER_B = Map.of(PoolKind.REGISTRY, 7.0, PoolKind.DATAPROXY, 6.0);

    @Test
    void fits_the_idle_baseline_from_traffic_and_cpu_and_the_gains_from_outcomes() {
        // a pool whose hot node burns 3 % idle plus 0.5 % per unit of traffic per node
        int n = 200;
        double[] traffic = new double[n];
        double[] cpu = new double[n];
        for (int i = 0; i < n; i++) {
            traffic[i] = 10 + i % 100;
            cpu[i] = 3 + 0.5 * traffic[i];
        }
        List<PoolHistory> history = List.of(new PoolHistory("s1", PoolKind.DATAPROXY, traffic, cpu));

        // destinations get 1.5 times the change the model predicts; sources exactly what it predicts (with b = 3)
        List<MoveOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double before = 20 + i;
            double predictedAdd = 4 + i;
            outcomes.add(new MoveOutcome("p" + i, 1, "r" + i, "d" + i, PoolKind.DATAPROXY, true, before,
                    before + predictedAdd, before + 1.5 * predictedAdd * (Math.max(before, before + predictedAdd) - 3)
                            / (Math.max(before, before + predictedAdd) - 6), i));
            double sourceBefore = 80;
            double predictedDrop = -(sourceBefore - 6) * 0.1;
            outcomes.add(new MoveOutcome("p" + i, 1, "r" + i, "s1", PoolKind.DATAPROXY, false, sourceBefore,
                    sourceBefore + predictedDrop, sourceBefore - (sourceBefore - 3) * 0.1, i));
        }
        Calibration c = CalibrationFitter.fit(outcomes, history, PLANNER_B);

        assertThat(c.baseline("s1", PoolKind.DATAPROXY, 6.0)).isCloseTo(3.0, within(1e-6));
        assertThat(c.gain(PoolKind.DATAPROXY, true)).isCloseTo(1.5, within(1e-6));
        assertThat(c.gain(PoolKind.DATAPROXY, false)).isCloseTo(1.0, within(1e-6));
        assertThat(c.moves()).isEqualTo(8);
        // the calibrated predictions hit every outcome the uncalibrated ones missed
        assertThat(PredictionError.calibrated(outcomes, c, PLANNER_B).meanAbsErrorPp()).isLessThan(1e-6);
        assertThat(PredictionError.uncalibrated(outcomes).meanAbsErrorPp()).isGreaterThan(1.0);
    }

    @Test
    void without_outcomes_nothing_changes() {
        Calibration c = CalibrationFitter.fit(List.of(), List.of(), PLANNER_B);
        assertThat(c.moves()).isZero();
        assertThat(c.gain(PoolKind.REGISTRY, true)).isEqualTo(1.0);
        assertThat(c.baseline("x", PoolKind.REGISTRY, 7.0)).isEqualTo(7.0);
    }
}
