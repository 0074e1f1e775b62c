package dev.stampboard.planning.engine;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.engine.NearestRank;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Rule 1 of DESIGN §4: registries on a hot stamp are ranked by their contribution — their mean
 * share of the pool's traffic in that pool's peak minutes (at or above its P95), taking the pool
 * where the registry weighs most — then by latency volatility.
 */
final class ContributionRanking {

    record Ranked(RegistryLoad registry, double contribution, PoolKind pool, int rank) {}

    private ContributionRanking() {}

    static List<Ranked> rank(StampLoad source, List<RegistryLoad> onSource, double target) {
        List<Ranked> unranked =
                onSource.stream().map(r -> contribution(source, r, target)).toList();
        List<Ranked> sorted = unranked.stream()
                .sorted(Comparator.comparingDouble(Ranked::contribution)
                        .reversed()
                        .thenComparing(Comparator.comparingDouble(
                                        (Ranked r) -> r.registry().latencyVolatility())
                                .reversed())
                        .thenComparing(r -> r.registry().registry()))
                .toList();
        return java.util.stream.IntStream.range(0, sorted.size())
                .mapToObj(i -> new Ranked(
                        sorted.get(i).registry(),
                        sorted.get(i).contribution(),
                        sorted.get(i).pool(),
                        i + 1))
                .toList();
    }

    private static Ranked contribution(StampLoad source, RegistryLoad registry, double target) {
        double best = 0;
        PoolKind bestPool = PoolKind.DATAPROXY;
        for (Map.Entry<PoolKind, PoolLoad> e : source.pools().entrySet()) {
            double mean = meanShareInPeakMinutes(
                    e.getValue().hotNodeMinutes(), registry.share().get(e.getKey()));
            // a pool already below target does not need relief: weigh it only as a tie-breaker
            double weight = NearestRank.p95(e.getValue().hotNodeMinutes()) > target ? 1.0 : 0.001;
            if (mean * weight > best) {
                best = mean * weight;
                bestPool = e.getKey();
            }
        }
        double share = meanShareInPeakMinutes(
                java.util.Objects.requireNonNull(source.pools().get(bestPool), "the best pool is one of the source's")
                        .hotNodeMinutes(),
                registry.share().get(bestPool));
        return new Ranked(registry, share, bestPool, 0);
    }

    static double meanShareInPeakMinutes(float[] hot, float @Nullable [] share) {
        if (share == null) {
            return 0;
        }
        double p95 = NearestRank.p95(hot);
        double sum = 0;
        int n = 0;
        for (int t = 0; t < hot.length && t < share.length; t++) {
            if (!Float.isNaN(hot[t]) && hot[t] >= p95 && !Float.isNaN(share[t])) {
                sum += share[t];
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
