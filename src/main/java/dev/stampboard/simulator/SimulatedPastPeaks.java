package dev.stampboard.simulator;

import dev.stampboard.capacity.PastPeaks;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The weeks before the simulator started, for the capacity forecast: each day's peak from the world's own model on
 * today's layout ({@link dev.stampboard.simulator.model.DailyPeaks}), sampled every {@value #STEP_MINUTES} minutes.
 */
@Component
@ConditionalOnProperty(name = "stampboard.simulator.enabled", havingValue = "true", matchIfMissing = true)
class SimulatedPastPeaks implements PastPeaks {

    static final int STEP_MINUTES = 30;

    private final SimulatorService simulator;

    SimulatedPastPeaks(SimulatorService simulator) {
        this.simulator = simulator;
    }

    @Override
    public List<PastPeak> dailyPeaks(LocalDate from, LocalDate to) {
        return simulator.dailyPeaks(from, to, STEP_MINUTES).stream()
                .map(p -> new PastPeak(p.stamp(), p.pool(), p.day(), p.p95(), p.nodes()))
                .toList();
    }
}
