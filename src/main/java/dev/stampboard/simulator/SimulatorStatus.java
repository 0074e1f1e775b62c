package dev.stampboard.simulator;

import java.time.Instant;

public record SimulatorStatus(
        boolean enabled, Instant now, double speed, String scenario, long seed, int stamps, int registries) {}
