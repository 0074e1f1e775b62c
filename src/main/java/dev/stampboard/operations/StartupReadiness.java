package dev.stampboard.operations;

import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * The console is ready when Spring Boot says so (after the start-up listeners: migrations, users,
 * stored telemetry, the simulator's back-fill) and every {@link ReadinessCheck} passes. Part of the
 * {@code readiness} health group as {@code startup}.
 */
@Component("startup")
public class StartupReadiness implements HealthIndicator {

    private final ApplicationAvailability availability;
    private final List<ReadinessCheck> checks;

    StartupReadiness(ApplicationAvailability availability, List<ReadinessCheck> checks) {
        this.availability = availability;
        this.checks = checks;
    }

    public boolean isReady() {
        return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
                && checks.stream().allMatch(ReadinessCheck::isReady);
    }

    /** What the console still waits for; empty when ready. */
    public List<String> awaiting() {
        List<String> awaiting = new java.util.ArrayList<>();
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            awaiting.add("start-up (database migrations, users, stored telemetry, simulator back-fill)");
        }
        checks.stream().filter(c -> !c.isReady()).map(ReadinessCheck::awaiting).forEach(awaiting::add);
        return awaiting;
    }

    @Override
    public Health health() {
        List<String> awaiting = awaiting();
        return awaiting.isEmpty()
                ? Health.up().build()
                : Health.outOfService().withDetail("awaiting", awaiting).build();
    }
}
