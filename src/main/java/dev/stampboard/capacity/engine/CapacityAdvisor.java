package dev.stampboard.capacity.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Sizes one pool. Needed nodes: the lowest count whose predicted P95 ({@link ScaleModel}: the window's load over that
 * many nodes, plus the growth the forecast's trend adds over the scale-out horizon) stays at or below
 * {@link CapacitySettings#limit()}, and never below the floor.
 * <ul>
 * <li>HOT now: KEEP — the planner rebalances a hot pool; adding nodes is not this advice's call.</li>
 * <li>The forecast crosses the threshold within the horizon and more nodes are needed: SCALE_OUT.</li>
 * <li>Fewer nodes are needed: SCALE_IN, the minimum lowered with it when it is above; at most
 * {@link CapacitySettings#maxScaleInStep()} of the nodes in one step.</li>
 * <li>Otherwise KEEP.</li>
 * </ul>
 */
public final class CapacityAdvisor {

    private CapacityAdvisor() {}

    /** Null when the pool has no nodes or no hot-node minute in its window. */
    public static @Nullable PoolAdvice advise(
            PoolWindow w, CapacitySettings s, GrowthForecast.@Nullable Forecast forecast) {
        if (w.nodes() < 1) {
            return null;
        }
        double now = ScaleModel.predictedP95(w, w.nodes(), 0);
        if (Double.isNaN(now)) {
            return null;
        }
        double growth = forecast == null ? 0 : Math.max(0, forecast.slopePerDay() * s.scaleOutWithinDays());
        Integer daysUntilHot =
                now > s.hotThreshold() ? Integer.valueOf(0) : forecast == null ? null : forecast.daysUntilHot();
        List<String> evidence = new ArrayList<>();
        evidence.add(f(
                "hot-node P95 now %.1f %% on %d nodes (minimum %d); idle baseline b = %.1f %%",
                now, w.nodes(), w.minInstances(), w.idleBaseline()));
        evidence.add(f(
                "limit %.1f %% = threshold %.1f − margin %.1f − headroom %.1f",
                s.limit(), s.hotThreshold(), s.margin(), s.headroomPp()));
        if (forecast != null) {
            evidence.add(f(
                    "forecast trend %+.2f pp/day over %d days%s; growth over %d days: %+.1f pp; %s",
                    forecast.slopePerDay(),
                    forecast.history().size(),
                    forecast.seasonal() ? " with weekly seasonality" : "",
                    s.scaleOutWithinDays(),
                    growth,
                    forecast.daysUntilHot() == null
                            ? "not HOT within the forecast"
                            : "HOT in " + forecast.daysUntilHot() + " days"));
        } else {
            evidence.add("no forecast: fewer than " + GrowthForecast.TREND_MIN_DAYS + " days of history");
        }
        if (now > s.hotThreshold()) {
            return keep(
                    w,
                    now,
                    growth,
                    daysUntilHot,
                    f("HOT now (%.1f %% > %.1f %%): rebalance first", now, s.hotThreshold()),
                    evidence);
        }
        int lowest = ScaleModel.lowestCount(w, s.limit(), growth, s.floorNodes());
        int needed = lowest;
        if (lowest < w.nodes() && lowest < s.smallestStepFrom(w.nodes())) {
            needed = s.smallestStepFrom(w.nodes());
            evidence.add(f(
                    "%d nodes would do, but one scale-in gives back at most %.0f %% of the nodes: %d now, the next step"
                            + " sized from a window measured on them",
                    lowest, s.maxScaleInStep() * 100, needed));
        }
        double predicted = ScaleModel.predictedP95(w, needed, growth);
        evidence.add(f(
                "model: b + (hot − b) · %d / %d, P95 %.1f %% + growth %.1f · %d / %d = %.1f %% on %d nodes",
                w.nodes(),
                needed,
                ScaleModel.predictedP95(w, needed, 0),
                growth,
                w.nodes(),
                needed,
                predicted,
                needed));
        // the day the forecast crosses the threshold, when that is within the scale-out horizon
        Integer crossingDay =
                forecast != null && forecast.crossesWithin(s.scaleOutWithinDays()) ? forecast.daysUntilHot() : null;
        if (needed > w.nodes() && crossingDay != null) {
            return new PoolAdvice(
                    PoolAdvice.Kind.SCALE_OUT,
                    w.nodes(),
                    needed,
                    w.minInstances(),
                    Math.max(w.minInstances(), Math.min(needed, w.minInstances())),
                    now,
                    predicted,
                    w.idleBaseline(),
                    growth,
                    daysUntilHot,
                    f(
                            "forecast HOT in %d days: %d → %d nodes keeps P95 at %.1f %%",
                            crossingDay, w.nodes(), needed, predicted),
                    evidence);
        }
        if (needed < w.nodes()) {
            return new PoolAdvice(
                    PoolAdvice.Kind.SCALE_IN,
                    w.nodes(),
                    needed,
                    w.minInstances(),
                    Math.min(w.minInstances(), needed),
                    now,
                    predicted,
                    w.idleBaseline(),
                    growth,
                    daysUntilHot,
                    f(
                            "P95 %.1f %% on %d nodes: %d nodes keep it at %.1f %% (≤ %.1f %%)",
                            now, w.nodes(), needed, predicted, s.limit()),
                    evidence);
        }
        return keep(
                w,
                now,
                growth,
                daysUntilHot,
                needed > w.nodes()
                        ? f(
                                "above the limit (%.1f %%) but not forecast HOT within %d days",
                                s.limit(), s.scaleOutWithinDays())
                        : "sized right",
                evidence);
    }

    /**
     * KEEP while the pool's peak window still holds minutes from before its last level shift (a move into or out of
     * the stamp, a resize): those minutes describe another load or node count, so neither a scale-in nor a scale-out
     * is sized from them. Null when the window has no hot-node minute.
     *
     * @param windowFromMinute the first minute of the pool's current peak window
     * @param settledAtMinute  the first minute at which a peak window holds only minutes after the shift
     */
    public static @Nullable PoolAdvice settling(
            PoolWindow w, LevelShift shift, long windowFromMinute, long settledAtMinute) {
        if (w.nodes() < 1) {
            return null;
        }
        double now = ScaleModel.predictedP95(w, w.nodes(), 0);
        if (Double.isNaN(now)) {
            return null;
        }
        String settled = java.time.Instant.ofEpochSecond(settledAtMinute * 60).toString();
        return keep(
                w,
                now,
                0,
                null,
                "load shifted at " + shift.at() + " (" + shift.what() + "): sized again from " + settled
                        + ", when the peak window holds only minutes after it",
                List.of(
                        f("hot-node P95 now %.1f %% on %d nodes (minimum %d)", now, w.nodes(), w.minInstances()),
                        "level shift at " + shift.at() + ": " + shift.what(),
                        "the peak window starts at " + java.time.Instant.ofEpochSecond(windowFromMinute * 60)
                                + ", before the shift: its minutes mix two loads"));
    }

    /** The pool stays as it is: same nodes and minimum, the P95 it has now. */
    private static PoolAdvice keep(
            PoolWindow w,
            double now,
            double growth,
            @Nullable Integer daysUntilHot,
            String reason,
            List<String> evidence) {
        return new PoolAdvice(
                PoolAdvice.Kind.KEEP,
                w.nodes(),
                w.nodes(),
                w.minInstances(),
                w.minInstances(),
                now,
                now,
                w.idleBaseline(),
                growth,
                daysUntilHot,
                reason,
                evidence);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
