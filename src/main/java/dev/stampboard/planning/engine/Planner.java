package dev.stampboard.planning.engine;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.engine.StampTrigger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * DESIGN §4 as a pure function: for each triggered stamp (hottest first), take its registries in
 * order of contribution until its predicted hot-node P95 is at or below target in both pools; each
 * goes to the shared stamp that stays coolest, or — when none can take it — to a dedicated stamp.
 * Then the moves are phased by traffic level.
 */
public final class Planner {

    public Plan plan(PlanningInput input) {
        return plan(input, null);
    }

    /**
     * With {@code choices}, exactly the chosen registries are relocated, in contribution order, each
     * to its chosen destination when that destination is valid at that point of the plan (otherwise
     * the planner's own choice, and a note says why).
     */
    public Plan plan(PlanningInput input, @Nullable PlanChoices choices) {
        PlanningSettings settings = input.settings();
        FleetState fleet = new FleetState(input.stamps());
        Set<String> touched = new LinkedHashSet<>();
        List<Selected> selected = new ArrayList<>();
        List<IsolationRecommendation> isolation = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Relief> reliefs = new ArrayList<>();

        for (StampLoad source : TriggeredStamps.of(fleet, input)) {
            touched.add(source.name());
            List<RegistryLoad> onSource = input.registries().stream()
                    .filter(r -> r.homeStamp().equals(source.name()))
                    .toList();
            // a stamp another signal triggers (throttling, 5xx, latency, score) is relieved of its top contributor
            // at least, even when its P95 is already at or below target: that signal says it needs relief now
            List<StampTrigger> others = input.otherTriggers(source.name());
            input.triggers()
                    .getOrDefault(source.name(), List.of())
                    .forEach(t -> notes.add(source.name() + " is triggered by " + t.describe() + "."));
            boolean mustMoveOne = !others.isEmpty();
            for (ContributionRanking.Ranked ranked : ContributionRanking.rank(source, onSource, settings.target())) {
                RegistryLoad registry = ranked.registry();
                if (choices != null
                        ? !choices.registries().contains(registry.registry())
                        : !mustMoveOne && fleet.worstPredictedP95(source.name()) <= settings.target()) {
                    if (choices == null) {
                        break;
                    }
                    continue;
                }
                DestinationChooser.Choice choice = DestinationChooser.choose(fleet, registry, settings);
                if (choices != null && choices.destinations().containsKey(registry.registry())) {
                    choice = DestinationChooser.honour(
                            choice, choices.destinations().get(registry.registry()), notes, registry.registry());
                }
                String destination = choice.destination();
                relieve(fleet, registry, destination);
                mustMoveOne = false;
                String whyRegistry = String.format(
                        Locale.ROOT,
                        "%s makes %.1f %% of %s's %s traffic in its peak minutes (rank %d of %d; p99 volatility %.2f).",
                        registry.registry(),
                        ranked.contribution() * 100,
                        source.name(),
                        ranked.pool(),
                        ranked.rank(),
                        onSource.size(),
                        registry.latencyVolatility());
                if (destination == null) {
                    isolation.add(new IsolationRecommendation(
                            registry.registry(),
                            source.name(),
                            whyRegistry + " A dedicated stamp is recommended: " + choice.isolationReason()
                                    + ". Sized from its peak traffic; its data volume is not known here, so one storage"
                                    + " account is the minimum.",
                            sizing(registry, settings)));
                } else {
                    touched.add(destination);
                    selected.add(new Selected(
                            registry,
                            destination,
                            ranked.contribution(),
                            new MoveExplanation(whyRegistry, choice.whyFits(), choice.rejected())));
                }
            }
            double after = fleet.worstPredictedP95(source.name());
            reliefs.add(new Relief(
                    source.name(), fleet.worstOriginalP95(source.name()), after, after <= settings.target()));
            notes.add(reliefNote(source.name(), fleet.worstOriginalP95(source.name()), after, settings.target()));
        }
        if (touched.isEmpty()) {
            notes.add(String.format(
                    Locale.ROOT,
                    "No stamp of %s is above the %.1f %% threshold: nothing to rebalance.",
                    input.region(),
                    settings.threshold()));
        }
        return new Plan(
                input.region(),
                Phasing.assign(selected, settings),
                isolation,
                predictions(fleet, touched),
                reliefs,
                notes);
    }

    /** The note on one relieved stamp: its worst pool's P95 before → after, against the target. */
    public static String reliefNote(String stamp, double before, double after, double target) {
        return String.format(
                Locale.ROOT,
                after <= target
                        ? "%s: predicted hot-node P95 %.1f → %.1f %% (target %.1f %%)."
                        : "%s: predicted hot-node P95 %.1f → %.1f %% — still above the %.1f %% target; no registry left to move.",
                stamp,
                before,
                after,
                target);
    }

    /** The registries of the given stamps (or of every triggered stamp), ranked as the planner ranks them. */
    public List<Candidate> candidates(PlanningInput input) {
        FleetState fleet = new FleetState(input.stamps());
        List<StampLoad> sources = input.sourceStamps().isEmpty()
                ? TriggeredStamps.of(fleet, input)
                : input.stamps().stream()
                        .filter(s -> input.sourceStamps().contains(s.name()))
                        .toList();
        List<Candidate> out = new ArrayList<>();
        for (StampLoad source : sources) {
            List<RegistryLoad> onSource = input.registries().stream()
                    .filter(r -> r.homeStamp().equals(source.name()))
                    .toList();
            for (ContributionRanking.Ranked r :
                    ContributionRanking.rank(source, onSource, input.settings().target())) {
                out.add(new Candidate(
                        r.registry().registry(),
                        source.name(),
                        r.contribution(),
                        r.pool(),
                        r.rank(),
                        r.registry().latencyVolatility()));
            }
        }
        return out;
    }

    /**
     * Predicted P95 of every pool these moves touch (registry → destination stamp; a destination not
     * in the input, such as a dedicated stamp still being provisioned, only relieves the source).
     */
    public List<Prediction> predictMoves(PlanningInput input, Map<String, String> destinationByRegistry) {
        FleetState fleet = new FleetState(input.stamps());
        Set<String> touched = new java.util.TreeSet<>();
        for (RegistryLoad registry : input.registries()) {
            String destination = destinationByRegistry.get(registry.registry());
            if (destination != null && !destination.equals(registry.homeStamp())) {
                touched.add(registry.homeStamp());
                if (fleet.stamps.containsKey(destination)) {
                    touched.add(destination);
                    relieve(fleet, registry, destination);
                } else {
                    relieve(fleet, registry, null);
                }
            }
        }
        return predictions(fleet, touched);
    }

    record Selected(RegistryLoad registry, String destination, double contribution, MoveExplanation explanation) {}

    static void relieve(FleetState fleet, RegistryLoad registry, @Nullable String destination) {
        Map<PoolKind, float[]> load = fleet.loadOf(registry);
        fleet.pools(registry.homeStamp()).forEach((kind, pool) -> {
            if (destination != null) {
                PredictedPool to = fleet.pools(destination).get(kind);
                if (to != null && load.get(kind) != null) {
                    to.add(load.get(kind), DestinationChooser.scale(pool, to));
                }
            }
            pool.remove(registry.share().getOrDefault(kind, new float[0]));
        });
    }

    private static Sizing sizing(RegistryLoad registry, PlanningSettings settings) {
        double qps = registry.peakRequestsPerMinute() / 60.0;
        double gbps = registry.peakBytesPerMinute() * 8 / 60.0 / 1e9;
        return SizingCalculator.size(qps, gbps, 0, settings.sizing());
    }

    static List<Prediction> predictions(FleetState fleet, Set<String> touched) {
        List<Prediction> out = new ArrayList<>();
        for (String stamp : touched) {
            fleet.pools(stamp)
                    .forEach((kind, pool) ->
                            out.add(new Prediction(stamp, kind, pool.originalP95(), pool.predictedP95())));
        }
        out.sort(Comparator.comparing(Prediction::stamp).thenComparing(Prediction::pool));
        return out;
    }
}
