package dev.stampboard.capacity.change;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.stampboard.fleet.PoolKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A capacity change as views and the API see it. {@code predictedP95} is the pool's hot-node P95 predicted at
 * the new size, {@code beforeP95} the one measured when it was proposed, {@code measuredP95} the one measured
 * when it was judged. The sizes ({@link Resize}) are flat in the JSON: {@code fromInstances}, {@code toMinimum}, …
 */
public record CapacityChangeDetails(
        String id,
        String stamp,
        String region,
        PoolKind pool,
        @JsonUnwrapped Resize resize,
        String reason,
        ChangeOrigin origin,
        @Nullable String originRef,
        String proposedBy,
        Instant proposedAt,
        @Nullable Double predictedP95,
        @Nullable Double beforeP95,
        CapacityChangeState state,
        Instant stateSince,
        @Nullable String decidedBy,
        @Nullable String decisionReason,
        @Nullable String startedBy,
        @Nullable Instant appliedAt,
        @Nullable Instant validateUntil,
        @Nullable Double measuredP95,
        @Nullable ChangeVerdict verdict,
        @Nullable String evidence,
        @Nullable String revertReason,
        @Nullable String recommendation) {

    public boolean isScaleIn() {
        return resize.scalesIn();
    }

    /** Measured minus predicted hot-node P95, in percentage points, once both are known. */
    public @Nullable Double predictionErrorPp() {
        return measuredP95 == null || predictedP95 == null ? null : measuredP95 - predictedP95;
    }
}
