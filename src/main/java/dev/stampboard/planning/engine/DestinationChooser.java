package dev.stampboard.planning.engine;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.planning.engine.RejectedAlternative.Kind;
import dev.stampboard.signals.engine.NearestRank;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Rule 2 and 3 of DESIGN §4: a destination is a shared, active stamp of the region, not in a
 * rollout, whose predicted P95 stays at or below target in both pools with the registry added, and
 * where the registry would not take more than the allowed share of a pool's capacity. Of those that
 * fit, the one left least utilised wins; when none fits, a dedicated stamp is the answer.
 */
final class DestinationChooser {

    /**
     * Where a registry goes: a shared stamp with why it fits, or none ({@link #isolate()}: a dedicated stamp) with
     * why no shared stamp could take it.
     */
    record Choice(
            @Nullable String destination,
            @Nullable String why,
            List<RejectedAlternative> rejected,
            @Nullable String isolationReason) {
        boolean isolate() {
            return destination == null;
        }

        /** Why the destination fits: a choice with a destination always says why. */
        String whyFits() {
            if (why == null) {
                throw new IllegalStateException("a destination chosen without a reason: " + destination);
            }
            return why;
        }
    }

    static final int MAX_FITS_EVALUATED = 8;

    private DestinationChooser() {}

    private static double nanLast(double v) {
        return Double.isNaN(v) ? Double.MAX_VALUE : v;
    }

    static Choice choose(FleetState fleet, RegistryLoad registry, PlanningSettings settings) {
        String source = registry.homeStamp();
        Map<PoolKind, float[]> load = fleet.loadOf(registry);
        List<RejectedAlternative> rejected = new ArrayList<>();
        String best = null;
        double bestWorst = Double.MAX_VALUE;
        String bestWhy = null;
        int fits = 0;
        // coolest first; after a few that fit, a hotter stamp cannot be left less utilised by much
        List<StampLoad> candidates = fleet.stamps.values().stream()
                .filter(c -> !c.name().equals(source))
                .sorted(java.util.Comparator.comparingDouble(c -> nanLast(fleet.worstPredictedP95(c.name()))))
                .toList();
        for (StampLoad candidate : candidates) {
            if (fits >= MAX_FITS_EVALUATED) {
                break;
            }
            RejectedAlternative refusal = structuralRefusal(fleet, candidate, settings);
            if (refusal == null) {
                refusal = capacityRefusal(fleet, candidate, registry, load, settings);
            }
            if (refusal != null) {
                rejected.add(refusal);
                continue;
            }
            fits++;
            double worst = 0;
            StringBuilder why = new StringBuilder();
            for (PoolKind kind : PoolKind.values()) {
                PredictedPool pool = fleet.pools(candidate.name()).get(kind);
                PredictedPool from = fleet.pools(source).get(kind);
                if (pool == null || from == null) {
                    continue;
                }
                double before = pool.predictedP95();
                double after = NearestRank.p95(pool.predicted(load.get(kind), scale(from, pool)));
                worst = Math.max(worst, after);
                why.append(String.format(
                        Locale.ROOT, "%s %s %.1f → %.1f %%", why.length() == 0 ? "" : ",", kind, before, after));
            }
            if (worst < bestWorst) {
                if (best != null) {
                    rejected.add(new RejectedAlternative(
                            best, Kind.FITS_LESS_WELL, "fits, but would be left hotter than " + candidate.name()));
                }
                best = candidate.name();
                bestWorst = worst;
                bestWhy = why.toString().trim();
            } else {
                rejected.add(new RejectedAlternative(
                        candidate.name(),
                        Kind.FITS_LESS_WELL,
                        String.format(Locale.ROOT, "fits, but would be left hotter (%.1f %%) than %s", worst, best)));
            }
        }
        if (best == null) {
            return new Choice(
                    null,
                    null,
                    rejected,
                    "no shared stamp in the region can take it without becoming" + " hot itself (" + summary(rejected)
                            + ")");
        }
        return new Choice(
                best,
                String.format(
                        Locale.ROOT,
                        "%s stays at or below the %.1f %% target in both pools: %s.",
                        best,
                        settings.target(),
                        bestWhy),
                rejected,
                null);
    }

    /**
     * The engineer's pick instead of the suggestion: a dedicated stamp is always possible; a shared
     * stamp only if it was a valid destination (it fits), otherwise the suggestion stands and a note
     * says why.
     */
    static Choice honour(Choice suggested, String wanted, List<String> notes, String registry) {
        if (PlanChoices.DEDICATED.equals(wanted)) {
            return new Choice(null, null, suggested.rejected(), "the engineer chose a dedicated stamp");
        }
        if (wanted.equals(suggested.destination())) {
            return suggested;
        }
        boolean fits = suggested.rejected().stream().anyMatch(r -> r.stamp().equals(wanted) && r.fits());
        if (!fits) {
            String why = suggested.rejected().stream()
                    .filter(r -> r.stamp().equals(wanted))
                    .map(RejectedAlternative::reason)
                    .findFirst()
                    .orElse("not a destination in this region");
            notes.add(registry + ": " + wanted + " cannot take it (" + why + "); kept "
                    + (suggested.isolate() ? "a dedicated stamp" : suggested.destination()) + ".");
            return suggested;
        }
        return new Choice(
                wanted,
                wanted + " chosen by the engineer; it stays at or below target in both pools.",
                suggested.rejected().stream()
                        .filter(r -> !r.stamp().equals(wanted))
                        .toList(),
                null);
    }

    /** nodes_s / nodes_d: the same work spread over more or fewer nodes. */
    static double scale(PredictedPool from, PredictedPool to) {
        return (double) from.load.nodes() / Math.max(1, to.load.nodes());
    }

    private static @Nullable RejectedAlternative structuralRefusal(
            FleetState fleet, StampLoad candidate, PlanningSettings settings) {
        String name = candidate.name();
        if (!candidate.shared()) {
            return new RejectedAlternative(name, Kind.DEDICATED_STAMP, "dedicated stamp");
        }
        if (!candidate.active()) {
            return new RejectedAlternative(name, Kind.NOT_ACTIVE, "not active");
        }
        if (candidate.inRollout()) {
            return new RejectedAlternative(name, Kind.IN_UPDATE_ROLLOUT, "in an update rollout");
        }
        for (Map.Entry<PoolKind, PredictedPool> e :
                fleet.pools(candidate.name()).entrySet()) {
            // a stamp hot now is relieved by the plan, never a destination: its relief may come in a later
            // phase (a dedicated stamp), and a move in before then would land on a hot stamp
            double now = e.getValue().originalP95();
            if (now > settings.threshold()) {
                return new RejectedAlternative(
                        name,
                        Kind.HOT_NOW,
                        String.format(
                                Locale.ROOT,
                                "hot now (%s %.1f %%): it is to be relieved, not loaded",
                                e.getKey(),
                                now));
            }
        }
        for (Map.Entry<PoolKind, PredictedPool> e :
                fleet.pools(candidate.name()).entrySet()) {
            double p95 = e.getValue().predictedP95();
            if (p95 > settings.target()) {
                return new RejectedAlternative(
                        name,
                        Kind.ALREADY_ABOVE_TARGET,
                        String.format(Locale.ROOT, "already above target (%s %.1f %%)", e.getKey(), p95));
            }
        }
        return null;
    }

    private static @Nullable RejectedAlternative capacityRefusal(
            FleetState fleet,
            StampLoad candidate,
            RegistryLoad registry,
            Map<PoolKind, float[]> load,
            PlanningSettings settings) {
        for (PoolKind kind : PoolKind.values()) {
            PredictedPool pool = fleet.pools(candidate.name()).get(kind);
            PredictedPool from = fleet.pools(registry.homeStamp()).get(kind);
            if (pool == null || from == null || load.get(kind) == null) {
                continue;
            }
            double scale = scale(from, pool);
            float[] alone = new float[load.get(kind).length];
            for (int t = 0; t < alone.length; t++) {
                alone[t] = Float.isNaN(load.get(kind)[t]) ? Float.NaN : (float) (load.get(kind)[t] * scale);
            }
            double takes = NearestRank.p95(alone) / (100 - pool.load.idleBaseline());
            if (takes > settings.maxShareOfSharedStamp()) {
                return new RejectedAlternative(
                        candidate.name(),
                        Kind.SHARE_TOO_LARGE,
                        String.format(
                                Locale.ROOT,
                                "%s: it alone would take %.0f %% of the pool's capacity (limit %.0f %%)",
                                kind,
                                takes * 100,
                                settings.maxShareOfSharedStamp() * 100));
            }
            double after = NearestRank.p95(pool.predicted(load.get(kind), scale));
            if (after > settings.target()) {
                return new RejectedAlternative(
                        candidate.name(),
                        Kind.WOULD_EXCEED_TARGET,
                        String.format(
                                Locale.ROOT,
                                "%s would reach %.1f %% > %.1f %% target",
                                kind,
                                after,
                                settings.target()));
            }
        }
        return null;
    }

    private static String summary(List<RejectedAlternative> rejected) {
        return rejected.isEmpty()
                ? "no other stamp in the region"
                : String.join(
                                "; ",
                                rejected.stream()
                                        .limit(4)
                                        .map(r -> r.stamp() + ": " + r.reason())
                                        .toList())
                        + (rejected.size() > 4 ? "; …" : "");
    }
}
