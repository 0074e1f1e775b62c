package dev.stampboard.planning.engine;

import java.util.Locale;

/** DESIGN §6: nodes from peak demand ÷ per-node capacity at target utilisation, plus headroom; the arithmetic is shown. */
public final class SizingCalculator {

    private SizingCalculator() {}

    public static Sizing size(double peakQps, double peakThroughputGbps, double dataVolumeTb, SizingSettings s) {
        int registry = nodes(peakQps, s.registryNodeQps(), s);
        int dataproxy = nodes(peakThroughputGbps, s.dataproxyNodeGbps(), s);
        int accounts = Math.max(1, (int) Math.ceil(dataVolumeTb / s.storageAccountTb()));
        String arithmetic = String.format(
                Locale.ROOT,
                "registry nodes = ceil(%.0f QPS ÷ (%.0f QPS/node × %.0f %%) × %.2f) = %d; "
                        + "dataproxy nodes = ceil(%.1f Gbps ÷ (%.1f Gbps/node × %.0f %%) × %.2f) = %d; "
                        + "storage accounts = max(1, ceil(%.1f TB ÷ %.0f TB)) = %d",
                peakQps,
                s.registryNodeQps(),
                s.targetUtilisation() * 100,
                1 + s.headroom(),
                registry,
                peakThroughputGbps,
                s.dataproxyNodeGbps(),
                s.targetUtilisation() * 100,
                1 + s.headroom(),
                dataproxy,
                dataVolumeTb,
                s.storageAccountTb(),
                accounts);
        return new Sizing(registry, dataproxy, accounts, arithmetic);
    }

    private static int nodes(double demand, double perNode, SizingSettings s) {
        // at least two nodes: a dedicated pool of one is a single point of failure
        return Math.max(2, (int) Math.ceil(demand / (perNode * s.targetUtilisation()) * (1 + s.headroom()) - 1e-9));
    }
}
