package dev.stampboard.simulator;

import dev.stampboard.cutover.SourceInFlight;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.engine.MinuteRange;
import java.time.Instant;
import java.util.OptionalLong;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The simulated fleet's in-flight report for a source stamp after a cutover: the world's drain curve
 * ({@code SourceDrain}) started from the replica's traffic in the minute before the cutover, as the signals engine
 * recorded it.
 */
@Component
@ConditionalOnProperty(name = "stampboard.simulator.enabled", havingValue = "true", matchIfMissing = true)
class SimulatedSourceInFlight implements SourceInFlight {

    private final SimulatorService simulator;
    private final SignalsService signals;

    SimulatedSourceInFlight(SimulatorService simulator, SignalsService signals) {
        this.simulator = simulator;
        this.signals = signals;
    }

    @Override
    public OptionalLong inFlight(String registry, String region, String source, Instant cutoverAt, Instant at) {
        long before = cutoverAt.getEpochSecond() / 60 - 1;
        double[] requests = signals.replicaTraffic(registry, region, new MinuteRange(before, before))
                .requests();
        double perMinute = requests.length == 0 || Double.isNaN(requests[0]) ? 0 : requests[0];
        double seconds = (at.toEpochMilli() - cutoverAt.toEpochMilli()) / 1000.0;
        return OptionalLong.of(simulator.inFlightAfterCutover(registry, perMinute, seconds));
    }
}
