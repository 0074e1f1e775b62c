package dev.stampboard.planning;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.planning.engine.PlanningSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stampboard.planning.*}: the model's idle baselines (DESIGN §3's b), how long a plan may
 * wait for approval, how far a pool's P95 may move before a plan counts as stale, and the planner's
 * margin, phase cut-offs, batch size and observation windows (the threshold is the signals' own).
 */
@ConfigurationProperties("stampboard.planning")
record PlanningProperties(
        double idleBaselineRegistry,
        double idleBaselineDataproxy,
        int approvalExpiryHours,
        double stalenessPp,
        double margin,
        double lowShareMax,
        double highShareMin,
        int mediumBatchSize,
        int mediumObservationHours,
        int highObservationHours,
        double maxShareOfSharedStamp) {

    PlanningProperties {
        PlanningSettings d = PlanningSettings.defaults();
        margin = margin <= 0 ? d.margin() : margin;
        lowShareMax = lowShareMax <= 0 ? d.lowShareMax() : lowShareMax;
        highShareMin = highShareMin <= 0 ? d.highShareMin() : highShareMin;
        mediumBatchSize = mediumBatchSize <= 0 ? d.mediumBatchSize() : mediumBatchSize;
        mediumObservationHours = mediumObservationHours <= 0 ? d.mediumObservationHours() : mediumObservationHours;
        highObservationHours = highObservationHours <= 0 ? d.highObservationHours() : highObservationHours;
        maxShareOfSharedStamp = maxShareOfSharedStamp <= 0 ? d.maxShareOfSharedStamp() : maxShareOfSharedStamp;
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
