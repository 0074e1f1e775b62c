package dev.stampboard.capacity.api;

import dev.stampboard.capacity.CapacityService;
import dev.stampboard.capacity.PoolOutlook;
import dev.stampboard.security.Role;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/capacity/recommendations[?region=R]} (issue 17): the open scale-in and scale-out recommendations,
 * biggest saving first, each with its prediction and evidence. An unknown or blank region is a 400.
 */
@RestController
@RequestMapping("/api/v1/capacity")
class CapacityApi {

    private final CapacityService capacity;

    CapacityApi(CapacityService capacity) {
        this.capacity = capacity;
    }

    @GetMapping("/recommendations")
    @Secured(Role.Authority.VIEWER)
    List<RecommendationJson> recommendations(@RequestParam(required = false) @Nullable String region) {
        return capacity.outlook(region).stream()
                .filter(PoolOutlook::actionable)
                .map(RecommendationJson::of)
                .toList();
    }

    /** The contract's seven fields first, then what an operator checks them with. */
    record RecommendationJson(
            String stamp,
            String pool,
            int currentInstances,
            int recommendedInstances,
            double predictedP95,
            double monthlySaving,
            String reason,
            String region,
            String kind,
            int currentMinimum,
            int recommendedMinimum,
            double currentP95,
            double idleBaseline,
            double growthPp,
            @Nullable Integer daysUntilHot,
            List<String> evidence) {

        static RecommendationJson of(PoolOutlook o) {
            var a = o.advice();
            return new RecommendationJson(
                    o.stamp(),
                    o.pool().name(),
                    a.currentNodes(),
                    a.recommendedNodes(),
                    round1(a.predictedP95()),
                    Math.round(o.monthlySaving() * 100) / 100.0,
                    a.reason(),
                    o.region(),
                    a.kind().name(),
                    a.currentMinimum(),
                    a.recommendedMinimum(),
                    round1(a.currentP95()),
                    round1(a.idleBaseline()),
                    round1(a.growthPp()),
                    a.daysUntilHot(),
                    a.evidence());
        }

        private static double round1(double v) {
            return Math.round(v * 10) / 10.0;
        }
    }
}
