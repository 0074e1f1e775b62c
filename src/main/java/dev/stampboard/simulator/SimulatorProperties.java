package dev.stampboard.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stampboard.simulator.*}. {@code speed} is simulated minutes per real second; 0 stops the
 * clock so that only {@code advance} moves it (tests, scripted demos). {@code start} pins the first
 * simulated minute (otherwise the wall clock's) so that a run is reproducible.
 */
@ConfigurationProperties("stampboard.simulator")
public record SimulatorProperties(boolean enabled, long seed, double speed, int backfillMinutes,
                                  java.time.@org.jspecify.annotations.Nullable Instant start) {

    public SimulatorProperties {
        if (speed < 0) {
            throw new IllegalArgumentException("stampboard.simulator.speed must be >= 0 (simulated minutes per second)");
        }
        if (backfillMinutes <= 0) {
            backfillMinutes = 720;
        }
    }
}
