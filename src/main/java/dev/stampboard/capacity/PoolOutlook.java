package dev.stampboard.capacity;

import dev.stampboard.capacity.engine.GrowthForecast;
import dev.stampboard.capacity.engine.LevelShift;
import dev.stampboard.capacity.engine.PoolAdvice;
import dev.stampboard.fleet.PoolKind;
import org.jspecify.annotations.Nullable;

/**
 * One pool on the capacity page: the advice with its evidence, the growth forecast (null without enough history since
 * the last level shift), the price of one of its nodes a month, what the advice saves a month (negative: it costs),
 * the pool's last level shift (null: none recorded) and whether its peak window still reaches back before it
 * ({@code settling}: the advice is KEEP until it does not).
 */
public record PoolOutlook(
        String stamp,
        String region,
        PoolKind pool,
        PoolAdvice advice,
        GrowthForecast.@Nullable Forecast forecast,
        double nodeMonthlyPrice,
        double monthlySaving,
        @Nullable LevelShift levelShift,
        boolean settling) {

    public boolean actionable() {
        return advice.kind() != PoolAdvice.Kind.KEEP;
    }

    public CapacityRecommendation recommendation() {
        return new CapacityRecommendation(
                stamp,
                pool,
                advice.currentNodes(),
                advice.recommendedNodes(),
                advice.predictedP95(),
                monthlySaving,
                advice.reason());
    }
}
