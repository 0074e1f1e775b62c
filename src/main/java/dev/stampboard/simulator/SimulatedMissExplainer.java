package dev.stampboard.simulator;

import dev.stampboard.calibration.MissExplainer;
import dev.stampboard.fleet.PoolKind;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The embedded world names the cause of a miss from its own physics (it is the only fleet that can). */
@Component
@ConditionalOnProperty(name = "stampboard.simulator.enabled", havingValue = "true", matchIfMissing = true)
class SimulatedMissExplainer implements MissExplainer {

    private final SimulatorService simulator;

    SimulatedMissExplainer(SimulatorService simulator) {
        this.simulator = simulator;
    }

    @Override
    public Optional<String> explain(
            String registry,
            String stamp,
            PoolKind pool,
            boolean destination,
            double errorPp,
            long cutoverMinute,
            long judgedMinute) {
        return Optional.of(simulator.explainMiss(registry, stamp, pool, destination, cutoverMinute, judgedMinute));
    }
}
