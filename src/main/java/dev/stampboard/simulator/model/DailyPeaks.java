package dev.stampboard.simulator.model;

import dev.stampboard.fleet.PoolKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
        Map<String, Integer> nodes = new HashMap<>();
        for (StampLayout s : layout.stamps()) {
            nodes.put(s.name() + "/REGISTRY", s.registryNodes().size());
            nodes.put(s.name() + "/DATAPROXY", s.dataproxyNodes().size());
        }
        int samples = WINDOW_MINUTES / stepMinutes;
        List<Peak> out = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            long end = day.plusDays(1).toEpochDay() * 1440;
            Map<String, float[]> hot = new HashMap<>();
            for (int i = 0; i < samples; i++) {
                long minute = end - WINDOW_MINUTES + (long) i * stepMinutes;
                int index = i;
                MinuteSnapshot snapshot = model.minute(minute, layout);
                for (NodeCpuSample s : snapshot.nodeCpu()) {
                    float[] values =
                            hot.computeIfAbsent(s.stamp() + "/" + s.pool().name(), k -> new float[samples]);
                    values[index] = Math.max(values[index], s.cpu());
                }
            }
            for (Map.Entry<String, float[]> e : hot.entrySet()) {
                int slash = e.getKey().lastIndexOf('/');
                int n = nodes.getOrDefault(e.getKey(), 0);
                if (n == 0) {
                    continue;
                }
                float[] sorted = e.getValue().clone();
                Arrays.sort(sorted);
                // nearest rank: ceil(0.95 n), 1-based
                int rank = (int) ((95L * samples + 99) / 100);
                out.add(new Peak(
                        e.getKey().substring(0, slash),
                        PoolKind.valueOf(e.getKey().substring(slash + 1)),
                        day,
                        Math.round(sorted[rank - 1] * 10) / 10.0,
                        n));
            }
        }
        return out;
    }
}
