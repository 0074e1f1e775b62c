package dev.stampboard.signals.engine;

import static dev.stampboard.signals.engine.EngineFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.fleet.PoolKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentAccessTest {

    @Test
    void readers_running_alongside_writers_see_consistent_p95s() throws Exception {
        SignalEngine engine =
                new SignalEngine(SignalSettings.defaults().withPeakWindow(new PeakWindow.Trailing(30)), T0);
        List<String> nodes = List.of("a", "b", "c", "d");
        for (int s = 0; s < 20; s++) {
            engine.declarePool("st" + s, PoolKind.REGISTRY, nodes);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            work.add(pool.submit(() -> {
                for (long m = T0; m < T0 + 200; m++) {
                    engine.advanceTo(m);
                    for (int s = 0; s < 20; s++) {
                        for (String node : nodes) {
                            engine.recordCpu(
                                    "st" + s, PoolKind.REGISTRY, node, m, (m * 31 + s * 7 + node.charAt(0)) % 101);
                        }
                    }
                }
            }));
            for (int r = 0; r < 3; r++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 3_000; i++) {
                        String stamp = "st" + (i % 20);
                        engine.hotNodeP95(stamp, PoolKind.REGISTRY);
                        engine.poolState(stamp, PoolKind.REGISTRY);
                        engine.latestNodeCpu(stamp, PoolKind.REGISTRY);
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS); // rethrows anything a thread hit
            }
        } finally {
            pool.shutdownNow();
        }
        for (int s = 0; s < 20; s++) {
            assertThat(engine.hotNodeP95("st" + s, PoolKind.REGISTRY))
                    .isPresent()
                    .isEqualTo(engine.recomputeP95FromSamples("st" + s, PoolKind.REGISTRY));
        }
    }
}
