package dev.stampboard.signals.engine;

import static dev.stampboard.signals.engine.EngineFixtures.POOL;
import static dev.stampboard.signals.engine.EngineFixtures.STAMP;
import static dev.stampboard.signals.engine.EngineFixtures.T0;
import static dev.stampboard.signals.engine.EngineFixtures.engineWithPool;
import static dev.stampboard.signals.engine.EngineFixtures.record;
import static dev.stampboard.signals.engine.EngineFixtures.recordSeriesEndingNow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.fleet.PoolKind;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class HotNodeP95Test {

    private final SignalSettings defaults = SignalSettings.defaults();

    @Test
    void hot_node_value_is_the_highest_node_in_that_minute() {
        SignalEngine engine = engineWithPool(defaults, T0);
        record(engine, "n1", T0, 12.5);
        record(engine, "n2", T0, 61.25);
        record(engine, "n3", T0, 30.0);

        assertThat(engine.hotNodeMinuteValue(STAMP, POOL, T0)).hasValue(61.25);
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(61.25);
    }

    /** Issue 15 item 10: the heatmap's tooltip names the node behind each minute's value. */
    @Test
    void names_the_node_that_made_each_minutes_hot_value() {
        SignalEngine engine = engineWithPool(defaults, T0);
        record(engine, "n1", T0 - 2, 12.5);
        record(engine, "n2", T0 - 2, 61.25);
        record(engine, "n3", T0 - 2, 30.0);
        // T0 - 1: nobody reported
        record(engine, "n1", T0, 70.0);
        record(engine, "n3", T0, 69.5);

        HotNodes hot = engine.hotNodes(STAMP, POOL, T0 - 3, T0);
        assertThat(hot.byMinute()).hasSize(4);
        assertThat(hot.nodeAt(0)).as("before any sample").isNull();
        assertThat(hot.nodeAt(1)).isEqualTo("n2");
        assertThat(hot.nodeAt(2)).as("a minute without samples").isNull();
        assertThat(hot.nodeAt(3)).isEqualTo("n1");
        // asked beyond now: no node, no exception
        assertThat(engine.hotNodes(STAMP, POOL, T0, T0 + 1).nodeAt(1)).isNull();
    }

    @Test
    void skips_minutes_without_any_node() {
        SignalEngine engine = engineWithPool(defaults, T0);
        record(engine, "n1", T0 - 2, 10.0);
        record(engine, "n2", T0, 20.0); // T0 - 1: nobody reported

        assertThat(engine.hotNodeMinuteValue(STAMP, POOL, T0 - 1)).isEmpty();
        HotNodeSeries series = engine.hotNodeSeries(STAMP, POOL, T0 - 2, T0);
        assertThat(series.minutes()).containsExactly(T0 - 2, T0);
        assertThat(series.values()).containsExactly(10.0, 20.0);
        // n = 2 -> rank ceil(1.9) = 2 -> 20; empty_minutes_do_not_count_towards_n shows n excludes the gap
        assertThat(series.p95()).hasValue(20.0);
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(20.0);
    }

    @Test
    void empty_minutes_do_not_count_towards_n() {
        SignalEngine engine = engineWithPool(defaults, T0);
        // 20 minutes with values 1..20 spread over 40 minutes (every other minute empty)
        for (int i = 1; i <= 20; i++) {
            record(engine, "n1", T0 - 40 + 2 * i, i);
        }
        // n = 20 -> rank 19 -> 19.0; if the 20 empty minutes counted as zeros, n = 40, rank 38 -> 18.0
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(19.0);
    }

    @Test
    void p95_of_a_single_minute_is_that_minute() {
        SignalEngine engine = engineWithPool(defaults, T0);
        record(engine, "n3", T0 - 100, 33.0);
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(33.0);
    }

    @Test
    void n20_takes_rank_19() {
        SignalEngine engine = engineWithPool(defaults, T0);
        recordSeriesEndingNow(engine, 20, 1, 19, 2, 18, 3, 17, 4, 16, 5, 15, 6, 14, 7, 13, 8, 12, 9, 11, 10);
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(19.0);
    }

    @Test
    void n21_takes_rank_20() {
        SignalEngine engine = engineWithPool(defaults, T0);
        recordSeriesEndingNow(engine, 21, 1, 20, 2, 19, 3, 18, 4, 17, 5, 16, 6, 15, 7, 14, 8, 13, 9, 12, 10, 11);
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(20.0);
    }

    @Test
    void n720_takes_rank_684() {
        SignalEngine engine = engineWithPool(defaults, T0);
        double[] values = new double[720];
        for (int i = 0; i < 720; i++) {
            values[i] = ((i * 7) % 720 + 1) / 10.0; // a permutation of 0.1 .. 72.0
        }
        recordSeriesEndingNow(engine, values);
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue((double) (float) 68.4);
    }

    @Test
    void window_not_yet_full_uses_the_minutes_it_has() {
        SignalEngine engine = engineWithPool(defaults, T0);
        recordSeriesEndingNow(engine, 10, 50, 30, 40, 20); // n = 5 -> rank 5
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(50.0);
    }

    @Test
    void no_minutes_means_no_p95() {
        SignalEngine engine = engineWithPool(defaults, T0);
        assertThat(engine.hotNodeP95(STAMP, POOL)).isEmpty();
        assertThat(engine.poolState(STAMP, POOL)).isEqualTo(PoolState.NO_DATA);
    }

    @Test
    void sliding_window_expires_minutes_older_than_720() {
        SignalEngine engine = engineWithPool(defaults, T0);
        record(engine, "n1", T0 - 719, 90.0); // first minute of the window [T0-719, T0]
        record(engine, "n1", T0, 10.0);
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(90.0);

        engine.advanceTo(T0 + 1); // T0-719 leaves the window
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(10.0);
        assertThat(engine.hotNodeMinuteValue(STAMP, POOL, T0 - 719)).isEmpty();

        engine.advanceTo(T0 + 720); // T0 leaves as well
        assertThat(engine.hotNodeP95(STAMP, POOL)).isEmpty();
    }

    @Test
    void a_jump_longer_than_retention_clears_everything() {
        SignalEngine engine = engineWithPool(defaults, T0);
        recordSeriesEndingNow(engine, 50, 60, 70);
        engine.advanceTo(T0 + 5_000);
        assertThat(engine.hotNodeP95(STAMP, POOL)).isEmpty();
        record(engine, "n1", T0 + 5_000, 5.0);
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(5.0);
    }

    @Test
    void late_sample_raises_a_past_minute() {
        SignalEngine engine = engineWithPool(defaults, T0);
        recordSeriesEndingNow(engine, 10, 20, 30, 40); // minutes T0-3 .. T0
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(40.0);

        record(engine, "n2", T0 - 3, 55.0); // minute T0-3: 10 -> 55
        assertThat(engine.hotNodeMinuteValue(STAMP, POOL, T0 - 3)).hasValue(55.0);
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(55.0);

        record(engine, "n3", T0 - 2, 5.0); // lower than 20: minute stays 20
        assertThat(engine.hotNodeMinuteValue(STAMP, POOL, T0 - 2)).hasValue(20.0);
    }

    @Test
    void many_late_samples_before_any_read_are_all_counted() {
        SignalEngine engine = engineWithPool(defaults, T0);
        for (int i = 1; i <= 100; i++) {
            record(engine, "n1", T0 - 100 + i, i * 0.5); // 0.5 .. 50.0
        }
        for (int i = 1; i <= 50; i++) {
            record(engine, "n2", T0 - 100 + i, 50.0 + i * 0.5); // first 50 minutes raised to 50.5 .. 75.0
        }
        // minute values: 25.5 .. 50.0 and 50.5 .. 75.0, n = 100 -> rank 95 -> 45th of the raised ones = 72.5
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(72.5);
        assertThat(engine.recomputeP95FromSamples(STAMP, POOL)).hasValue(72.5);
        engine.advanceTo(T0 + 1);
        assertThat(engine.hotNodeP95(STAMP, POOL)).isEqualTo(engine.recomputeP95FromSamples(STAMP, POOL));
    }

    @Test
    void late_sample_after_time_moved_on_is_still_counted() {
        SignalEngine engine = engineWithPool(defaults, T0);
        record(engine, "n1", T0, 10.0);
        engine.advanceTo(T0 + 3);
        record(engine, "n2", T0 + 1, 70.0);
        record(engine, "n2", T0, 80.0);
        // values 80 (T0), 70 (T0+1); n = 2 -> rank 2 -> 80
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(80.0);
        assertThat(engine.recomputeP95FromSamples(STAMP, POOL)).hasValue(80.0);
    }

    @Test
    void pools_of_one_stamp_are_independent() {
        SignalEngine engine = engineWithPool(defaults, T0);
        engine.declarePool(STAMP, PoolKind.DATAPROXY, List.of("d1"));
        record(engine, "n1", T0, 30.0);
        engine.recordCpu(STAMP, PoolKind.DATAPROXY, "d1", T0, 88.0);
        assertThat(engine.hotNodeP95(STAMP, PoolKind.REGISTRY)).hasValue(30.0);
        assertThat(engine.hotNodeP95(STAMP, PoolKind.DATAPROXY)).hasValue(88.0);
    }

    @Test
    void node_growth_keeps_existing_data() {
        SignalEngine engine = engineWithPool(defaults, T0, "n1", "n2");
        record(engine, "n1", T0 - 1, 41.0);
        record(engine, "n2", T0, 22.0);

        engine.declarePool(STAMP, POOL, List.of("n2", "n3", "n4")); // n2 known, n3 and n4 new
        assertThat(engine.hotNodeMinuteValue(STAMP, POOL, T0 - 1)).hasValue(41.0);
        assertThat(engine.hotNodeMinuteValue(STAMP, POOL, T0)).hasValue(22.0);
        assertThat(engine.recordCpu(STAMP, POOL, "n2", T0, 99.0).accepted())
                .as("n2's sample survived growth")
                .isFalse();

        record(engine, "n4", T0, 47.5);
        assertThat(engine.hotNodeMinuteValue(STAMP, POOL, T0)).hasValue(47.5);
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(47.5);
        assertThat(engine.latestNodeCpu(STAMP, POOL))
                .containsExactly(
                        Map.entry("n1", 41.0f),
                        Map.entry("n2", 22.0f),
                        Map.entry("n3", Float.NaN),
                        Map.entry("n4", 47.5f));
    }

    @Test
    void latest_node_cpu_is_the_newest_minute_not_the_last_recorded() {
        SignalEngine engine = engineWithPool(defaults, T0);
        record(engine, "n1", T0, 15.0);
        record(engine, "n1", T0 - 5, 95.0); // late, older
        assertThat(engine.latestNodeCpu(STAMP, POOL)).containsEntry("n1", 15.0f).containsEntry("n2", Float.NaN);
    }

    @Test
    void hot_node_series_p95_covers_exactly_the_requested_range() {
        SignalEngine engine = engineWithPool(defaults, T0);
        recordSeriesEndingNow(engine, 90, 10, 20, 30); // T0-3 .. T0
        HotNodeSeries series = engine.hotNodeSeries(STAMP, POOL, T0 - 2, T0);
        assertThat(series.values()).containsExactly(10.0, 20.0, 30.0);
        assertThat(series.p95()).hasValue(30.0);
        assertThat(engine.hotNodeSeries(STAMP, POOL, T0 + 1, T0 + 10).p95()).isEqualTo(OptionalDouble.empty());
    }

    @Test
    void time_never_goes_backwards() {
        SignalEngine engine = engineWithPool(defaults, T0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.advanceTo(T0 - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backwards");
        assertThat(engine.nowMinute()).isEqualTo(T0);
    }
}
