package dev.stampboard.signals.engine;

import static dev.stampboard.signals.engine.EngineFixtures.POOL;
import static dev.stampboard.signals.engine.EngineFixtures.STAMP;
import static dev.stampboard.signals.engine.EngineFixtures.T0;
import static dev.stampboard.signals.engine.EngineFixtures.engineWithPool;
import static dev.stampboard.signals.engine.EngineFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampboard.fleet.PoolKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolStateTest {

    private PoolState stateWithP95(double p95) {
        SignalEngine engine = engineWithPool(SignalSettings.defaults(), T0);
        record(engine, "n1", T0, p95);
        return engine.poolState(STAMP, POOL);
    }

    @Test
    void below_40_is_ok() {
        assertThat(stateWithP95(39.99)).isEqualTo(PoolState.OK);
    }

    @Test
    void exactly_40_is_warn() {
        assertThat(stateWithP95(40.0)).isEqualTo(PoolState.WARN);
    }

    @Test
    void exactly_45_is_warn_not_hot() {
        assertThat(stateWithP95(45.0)).isEqualTo(PoolState.WARN);
    }

    @Test
    void just_above_45_is_hot() {
        assertThat(stateWithP95(45.01)).isEqualTo(PoolState.HOT);
    }

    @Test
    void thresholds_change_at_runtime() {
        SignalEngine engine = engineWithPool(SignalSettings.defaults(), T0);
        record(engine, "n1", T0, 42.0);
        assertThat(engine.poolState(STAMP, POOL)).isEqualTo(PoolState.WARN);

        engine.updateSettings(engine.settings().withThresholds(41.0, 35.0));
        assertThat(engine.poolState(STAMP, POOL)).isEqualTo(PoolState.HOT);
        engine.updateSettings(engine.settings().withThresholds(60.0, 50.0));
        assertThat(engine.poolState(STAMP, POOL)).isEqualTo(PoolState.OK);
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(42.0);
    }

    @Test
    void warn_above_hot_is_refused() {
        assertThatThrownBy(() -> SignalSettings.defaults().withThresholds(40.0, 45.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warnThreshold");
    }

    @Test
    void a_stamp_or_pool_not_declared_yet_reads_as_no_data() {
        SignalEngine engine = engineWithPool(SignalSettings.defaults(), T0);
        record(engine, "n1", T0, 50.0);
        // an undeclared stamp, and an undeclared pool (DATAPROXY) of a declared stamp
        record Unknown(String stamp, PoolKind pool) {}
        for (Unknown unknown : List.of(new Unknown("not-yet-s01", POOL), new Unknown(STAMP, PoolKind.DATAPROXY))) {
            String stamp = unknown.stamp();
            PoolKind pool = unknown.pool();
            assertThat(engine.poolState(stamp, pool)).isEqualTo(PoolState.NO_DATA);
            assertThat(engine.hotNodeP95(stamp, pool)).isEmpty();
            assertThat(engine.hotNodeSeries(stamp, pool, T0 - 10, T0).minutes()).isEmpty();
            assertThat(engine.hotNodes(stamp, pool, T0 - 1, T0).byMinute()).containsExactly(-1, -1);
            assertThat(engine.hotNodeMinuteValue(stamp, pool, T0)).isEmpty();
            assertThat(engine.latestNodeCpu(stamp, pool)).isEmpty();
        }
        assertThat(engine.trafficShare("not-yet-s01", POOL)).isEmpty();
        // the declared pool is untouched
        assertThat(engine.poolState(STAMP, POOL)).isEqualTo(PoolState.HOT);
    }
}
