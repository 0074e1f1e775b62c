package dev.stampboard.simulator;

import dev.stampboard.base.ui.ClockBadge;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The simulator's clock, with its speed, for the badge on every page. */
@Component
@ConditionalOnProperty(name = "stampboard.simulator.enabled", havingValue = "true", matchIfMissing = true)
class SimulatedClockBadge implements ClockBadge {

    private final SimulatorProperties properties;

    SimulatedClockBadge(SimulatorProperties properties) {
        this.properties = properties;
    }

    @Override
    public Optional<String> text() {
        double speed = properties.speed();
        if (speed <= 0) {
            return Optional.of("Simulated clock · stopped (moves only when advanced)");
        }
        return Optional.of(String.format(
                Locale.ROOT, "Simulated clock · %s× (%s simulated min per second)", trim(speed * 60), trim(speed)));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
