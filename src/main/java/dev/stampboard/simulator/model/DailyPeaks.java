package dev.stampboard.simulator.model;

import dev.stampboard.fleet.PoolKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weeks of daily peaks without weeks of minutes: for each day, the world's hot node of each pool at every
 * {@code stepMinutes}-th minute of the 12 hours before the day's end (UTC), and the nearest-rank P95 of those
 * samples. {@link FleetTrafficModel#minute} is a pure function of the minute, so a past day costs
 * {@code 720 / stepMinutes} model minutes and nothing is stored per minute.
 */
public final class DailyPeaks {

    /** The peak window the console's trailing default reads at midnight: the day's last 12 hours. */
    static final int WINDOW_MINUTES = 12 * 60;

    /** One pool's day. */
    public record Peak(String stamp, PoolKind pool, LocalDate day, double p95, int nodes) {}

    private DailyPeaks() {}

    /** Every pool's peak for each day from {@code from} (inclusive) to {@code to} (exclusive), on {@code layout}. */
    public static List<Peak> of(
            FleetTrafficModel model, FleetLayout layout, LocalDate from, LocalDate to, int stepMinutes) {
        if (stepMinutes < 1 || stepMinutes > WINDOW_MINUTES) {
            throw new IllegalArgumentException("stepMinutes must be within [1, 720]");
        }
        // by stamp name, per pool kind (ordinal): the node count, and each sample's hot node
        PoolKind[] kinds = PoolKind.values();
        Map<String, int[]> nodes = new HashMap<>();
        for (StampLayout s : layout.stamps()) {
            int[] count = new int[kinds.length];
            count[PoolKind.REGISTRY.ordinal()] = s.registryNodes().size();
            count[PoolKind.DATAPROXY.ordinal()] = s.dataproxyNodes().size();
            nodes.put(s.name(), count);
        }
        int samples = WINDOW_MINUTES / stepMinutes;
        List<Peak> out = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            long end = day.plusDays(1).toEpochDay() * 1440;
            Map<String, float[][]> hot = new LinkedHashMap<>();
            for (int i = 0; i < samples; i++) {
                long minute = end - WINDOW_MINUTES + (long) i * stepMinutes;
                MinuteSnapshot snapshot = model.minute(minute, layout);
                // a stamp's samples come one after the other: its entry is looked up once per run of them (a key
                // built and looked up per node sample was about a quarter of the back-fill's CPU on large-500)
                String stamp = null;
                float[][] byPool = null;
                for (NodeCpuSample s : snapshot.nodeCpu()) {
                    if (byPool == null || !s.stamp().equals(stamp)) {
                        stamp = s.stamp();
                        byPool = hot.computeIfAbsent(stamp, k -> new float[kinds.length][]);
                    }
                    int pool = s.pool().ordinal();
                    float[] values = byPool[pool];
                    if (values == null) {
                        values = new float[samples];
                        byPool[pool] = values;
                    }
                    values[i] = Math.max(values[i], s.cpu());
                }
            }
            for (Map.Entry<String, float[][]> e : hot.entrySet()) {
                int[] count = nodes.get(e.getKey());
                for (PoolKind kind : kinds) {
                    float[] values = e.getValue()[kind.ordinal()];
                    int n = count == null ? 0 : count[kind.ordinal()];
                    if (values == null || n == 0) {
                        continue;
                    }
                    Arrays.sort(values);
                    // nearest rank: ceil(0.95 n), 1-based
                    int rank = (int) ((95L * samples + 99) / 100);
                    out.add(new Peak(e.getKey(), kind, day, Math.round(values[rank - 1] * 10) / 10.0, n));
                }
            }
        }
        return out;
    }
}
