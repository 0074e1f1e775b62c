package dev.stampboard.signals.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.fleet.PoolKind;
import java.util.List;

/** Shared set-up: one stamp "s1" with a 3-node REGISTRY pool, engine now at {@link #T0}. */
final class EngineFixtures {

    /** 2025-01-01T00:00Z as an epoch minute. */
    static final long T0 = 1_735_689_600L / 60;

    static final String STAMP = "s1";
    static final PoolKind POOL = PoolKind.REGISTRY;

    private EngineFixtures() {}

    static SignalEngine engineWithPool(SignalSettings settings, long now, String... nodes) {
        SignalEngine engine = new SignalEngine(settings, now);
        engine.declarePool(STAMP, POOL, List.of(nodes.length == 0 ? new String[] {"n1", "n2", "n3"} : nodes));
        return engine;
    }

    static void record(SignalEngine engine, String node, long minute, double cpu) {
        SampleVerdict verdict = engine.recordCpu(STAMP, POOL, node, minute, cpu);
        assertThat(verdict.accepted())
                .as("sample %s@%d=%s: %s", node, minute, cpu, verdict.reason())
                .isTrue();
    }

    /** One sample from node n1 per minute, values[i] at {@code now - values.length + 1 + i}. */
    static void recordSeriesEndingNow(SignalEngine engine, double... values) {
        long first = engine.nowMinute() - values.length + 1;
        for (int i = 0; i < values.length; i++) {
            record(engine, "n1", first + i, values[i]);
        }
    }
}
