package dev.stampboard.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stampboard.simulator.*}. {@code speed} is simulated minutes per real second; 0 stops the
 * clock so that only {@code advance} moves it (tests, scripted demos). {@code start} pins the first
 * simulated minute (otherwise the wall clock's) so that a run is reproducible. {@code scenario} is
 * {@code seed} (the default: the seed case, DESIGN §10) or {@code large-N} (one region of N generated
 * stamps with four registries each, to see the console at scale). {@code provisioningMinutes}: how long
 * a dedicated stamp takes to become ACTIVE (simulated; default 30). Both are never null once bound: the
 * constructor fills in the defaults for what configuration leaves out. {@code storeTelemetry}: whether the elected
 * instance stores each simulated minute for the other console instances to follow (README "The simulator with
 * several instances"); unset means "when the database is PostgreSQL", the one several instances share.
 */
@ConfigurationProperties("stampboard.simulator")
public record SimulatorProperties(
        boolean enabled,
        long seed,
        double speed,
        int backfillMinutes,
        java.time.@org.jspecify.annotations.Nullable Instant start,
        String scenario,
        Integer provisioningMinutes,
        @org.jspecify.annotations.Nullable Boolean storeTelemetry) {

    public SimulatorProperties {
        if (speed < 0) {
            throw new IllegalArgumentException(
                    "stampboard.simulator.speed must be >= 0 (simulated minutes per second)");
        }
        if (backfillMinutes <= 0) {
            backfillMinutes = 720;
        }
        if (provisioningMinutes == null) {
            provisioningMinutes = 30;
        }
        if (provisioningMinutes < 0) {
            throw new IllegalArgumentException("stampboard.simulator.provisioning-minutes must be >= 0");
        }
        if (scenario == null || scenario.isBlank()) {
            scenario = "seed";
        }
        if (!scenario.equals("seed") && !scenario.matches("large-[1-9][0-9]{0,3}")) {
            throw new IllegalArgumentException(
                    "stampboard.simulator.scenario must be 'seed' or 'large-N' (N stamps), not '" + scenario + "'");
        }
    }
}
