package dev.stampboard.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.fleet.PoolKind;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyPeaksTest {

    private final Scenario seed = Scenarios.seed();
    private final FleetTrafficModel model = new FleetTrafficModel(seed, SeedScenarioTest.SEED);

    @Test
    void a_sampled_day_reads_within_a_point_and_a_half_of_the_p95_over_every_minute() {
        LocalDate day = LocalDate.parse("2026-11-18");
        FleetLayout layout = seed.initialLayout();
        List<DailyPeaks.Peak> sampled = DailyPeaks.of(model, layout, day, day.plusDays(1), 30);
        // independent: all 720 minutes of the day's last 12 h, hot node per minute, nearest-rank P95 (rank 684)
        long end = day.plusDays(1).toEpochDay() * 1440;
        Map<String, float[]> hot = new HashMap<>();
        for (int i = 0; i < 720; i++) {
            for (NodeCpuSample s : model.minute(end - 720 + i, layout).nodeCpu()) {
                float[] v = hot.computeIfAbsent(s.stamp() + "/" + s.pool(), k -> new float[720]);
                v[i] = Math.max(v[i], s.cpu());
            }
        }
        assertThat(sampled).hasSize(hot.size());
        for (DailyPeaks.Peak p : sampled) {
            float[] all = hot.get(p.stamp() + "/" + p.pool()).clone();
            Arrays.sort(all);
            assertThat(p.p95())
                    .as(p.stamp() + " " + p.pool())
                    .isCloseTo(all[683], org.assertj.core.api.Assertions.within(1.5));
        }
        DailyPeaks.Peak a = sampled.stream()
                .filter(p -> p.stamp().equals(Scenarios.STAMP_A) && p.pool() == PoolKind.DATAPROXY)
                .findFirst()
                .orElseThrow();
        // the seed: stamp A's dataproxy runs near 96 %
        assertThat(a.p95()).isBetween(92.0, 99.0);
        assertThat(a.nodes()).isEqualTo(20);
    }

    @Test
    void six_weeks_of_the_seed_fleet() {
        long started = System.nanoTime();
        List<DailyPeaks.Peak> peaks = DailyPeaks.of(
                model, seed.initialLayout(), LocalDate.parse("2026-10-15"), LocalDate.parse("2026-11-26"), 30);
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.println("DailyPeaks: 42 days of the seed in " + ms + " ms");
        assertThat(peaks).hasSize(42 * 20);
    }
}
