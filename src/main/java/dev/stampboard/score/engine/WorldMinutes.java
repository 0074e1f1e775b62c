package dev.stampboard.score.engine;

import dev.stampboard.simulator.model.MinuteSnapshot;
import dev.stampboard.simulator.model.NodeCpuSample;
import dev.stampboard.simulator.model.ReplicaTraffic;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one minute of the simulated world into a {@link StampMinute} per stamp, aggregated as the signals engine
 * does for a stamp: the highest node CPU of each pool; throttled and 5xx requests over all requests; the highest p99
 * among replicas with requests; the biggest customer's share of the requests.
 */
public final class WorldMinutes {

    private final Map<String, Integer> stampIndex = new HashMap<>();
    private final Map<String, String> customerByRegistry;

    public WorldMinutes(List<String> stamps, Map<String, String> customerByRegistry) {
        for (int i = 0; i < stamps.size(); i++) {
            stampIndex.put(stamps.get(i), i);
        }
        this.customerByRegistry = Map.copyOf(customerByRegistry);
    }

    public StampMinute[] of(MinuteSnapshot snapshot) {
        int n = stampIndex.size();
        double[] hotRegistry = new double[n];
        double[] hotDataproxy = new double[n];
        Arrays.fill(hotRegistry, Double.NaN);
        Arrays.fill(hotDataproxy, Double.NaN);
        for (NodeCpuSample s : snapshot.nodeCpu()) {
            Integer i = stampIndex.get(s.stamp());
            if (i == null) {
                continue;
            }
            double[] hot = s.pool() == dev.stampboard.fleet.PoolKind.REGISTRY ? hotRegistry : hotDataproxy;
            hot[i] = Double.isNaN(hot[i]) ? s.cpu() : Math.max(hot[i], s.cpu());
        }
        long[] requests = new long[n];
        long[] throttled = new long[n];
        long[] errors = new long[n];
        double[] p99 = new double[n];
        Arrays.fill(p99, Double.NaN);
        @SuppressWarnings("unchecked")
        Map<String, Long>[] byCustomer = new Map[n];
        for (ReplicaTraffic t : snapshot.traffic()) {
            Integer i = stampIndex.get(t.stamp());
            if (i == null || t.requests() == 0) {
                continue;
            }
            requests[i] += t.requests();
            throttled[i] += t.throttled();
            errors[i] += t.errors();
            p99[i] = Double.isNaN(p99[i]) ? t.p99LatencyMs() : Math.max(p99[i], t.p99LatencyMs());
            if (byCustomer[i] == null) {
                byCustomer[i] = new HashMap<>();
            }
            byCustomer[i].merge(customerByRegistry.getOrDefault(t.registry(), t.registry()), t.requests(), Long::sum);
        }
        StampMinute[] out = new StampMinute[n];
        for (int i = 0; i < n; i++) {
            long r = requests[i];
            double top = Double.NaN;
            if (r > 0) {
                top = byCustomer[i].values().stream()
                                .mapToLong(Long::longValue)
                                .max()
                                .orElse(0)
                        / (double) r;
            }
            out[i] = new StampMinute(
                    hotRegistry[i],
                    hotDataproxy[i],
                    r,
                    r > 0 ? throttled[i] / (double) r : Double.NaN,
                    r > 0 ? errors[i] / (double) r : Double.NaN,
                    p99[i],
                    top);
        }
        return out;
    }
}
