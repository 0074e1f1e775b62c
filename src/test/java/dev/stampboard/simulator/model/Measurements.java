package dev.stampboard.simulator.model;

import dev.stampboard.fleet.PoolKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The signals of DESIGN §2, computed independently of the model from its raw output: hot-node minute values
 * (max over the nodes that reported) and the nearest-rank P95.
 */
final class Measurements {

    record StampPool(String stamp, PoolKind pool) {}

    private Measurements() {}

    static long epochMinute(String instant) {
        return Instant.parse(instant).getEpochSecond() / 60;
    }

    /** Hot-node minute value per stamp and pool in one snapshot. */
    static Map<StampPool, Double> hotNode(MinuteSnapshot snapshot) {
        Map<StampPool, Double> hot = new HashMap<>();
        for (NodeCpuSample s : snapshot.nodeCpu()) {
            hot.merge(new StampPool(s.stamp(), s.pool()), (double) s.cpu(), Math::max);
        }
        return hot;
    }

    /** Hot-node minute values per stamp and pool over the minutes [from, to). */
    static Map<StampPool, List<Double>> hotNodeSeries(FleetTrafficModel model, FleetLayout layout, long from, long to) {
        Map<StampPool, List<Double>> series = new HashMap<>();
        for (long m = from; m < to; m++) {
            hotNode(model.minute(m, layout))
                    .forEach((k, v) ->
                            series.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        return series;
    }

    /** Hot-node P95 per stamp and pool over the trailing 12 hours ending (exclusive) at {@code end}. */
    static Map<StampPool, Double> trailing12hP95(FleetTrafficModel model, FleetLayout layout, long end) {
        Map<StampPool, Double> p95 = new HashMap<>();
        hotNodeSeries(model, layout, end - 12 * 60, end).forEach((k, v) -> p95.put(k, p95(v)));
        return p95;
    }

    /** Nearest rank: the value at rank ceil(0.95 n) of the n values sorted ascending. */
    static double p95(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(0.95 * sorted.size());
        return sorted.get(rank - 1);
    }
}
