package dev.stampboard.capacity.engine;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the capacity model advises for one pool, with its evidence.
 *
 * @param kind               scale in, scale out, or keep (no change worth making)
 * @param recommendedNodes   the node count advised (the current one for KEEP)
 * @param recommendedMinimum the scale set's minimum to go with it
 * @param currentP95         the pool's hot-node P95 over its window now
 * @param predictedP95       the P95 predicted on the recommended nodes, growth included
 * @param growthPp           points of P95 the forecast adds over the scale-out horizon (≥ 0)
 * @param daysUntilHot       from the forecast, null when it does not cross the threshold in its horizon
 * @param reason             one sentence
 * @param evidence           the figures the advice rests on, one line each
 */
public record PoolAdvice(
        Kind kind,
        int currentNodes,
        int recommendedNodes,
        int currentMinimum,
        int recommendedMinimum,
        double currentP95,
        double predictedP95,
        double idleBaseline,
        double growthPp,
        @Nullable Integer daysUntilHot,
        String reason,
        List<String> evidence) {

    public enum Kind {
        SCALE_IN,
        SCALE_OUT,
        KEEP
    }

    public PoolAdvice {
        evidence = List.copyOf(evidence);
    }

    public int nodeChange() {
        return recommendedNodes - currentNodes;
    }
}
