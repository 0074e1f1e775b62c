package dev.stampboard.planning;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.stampboard.fleet.PoolKind;

/**
 * {@code stampboard.planning.*}: the model's idle baselines (DESIGN §3's b), how long a plan may
 * wait for approval, and how far a pool's P95 may move before a plan counts as stale.
 */
@ConfigurationProperties("stampboard.planning")
record PlanningProperties(double idleBaselineRegistry, double idleBaselineDataproxy, int approvalExpiryHours,
                          double stalenessPp) {

    PlanningProperties {
        if (idleBaselineRegistry <= 0) {
            idleBaselineRegistry = 7.0;
        }
        if (idleBaselineDataproxy <= 0) {
            idleBaselineDataproxy = 6.0;
        }
        if (approvalExpiryHours <= 0) {
            approvalExpiryHours = 24;
        }
        if (stalenessPp <= 0) {
            stalenessPp = 5.0;
        }
    }

    double idleBaseline(PoolKind pool) {
        return pool == PoolKind.REGISTRY ? idleBaselineRegistry : idleBaselineDataproxy;
    }
}
