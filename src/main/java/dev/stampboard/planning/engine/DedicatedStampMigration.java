package dev.stampboard.planning.engine;

import dev.stampboard.fleet.PoolKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * DESIGN §6's second half: an approved isolation request moves the customer's registries from their
 * shared home stamps onto the dedicated stamp provisioned for them. The destination is given, so no
 * destination is chosen; each move is predicted with DESIGN §3's model and phased by the same
 * playbook as any plan. A freshly provisioned stamp has little or no history: its pools are taken
 * as idling at their baseline b in every minute they did not report.
 */
public final class DedicatedStampMigration {

    private DedicatedStampMigration() {}

    public static Plan onto(PlanningInput input, Set<String> registries, String dedicatedStamp) {
        PlanningSettings settings = input.settings();
        List<StampLoad> stamps = input.stamps().stream()
                .map(s -> s.name().equals(dedicatedStamp) ? idleWhereSilent(s) : s)
                .toList();
        if (stamps.stream().noneMatch(s -> s.name().equals(dedicatedStamp))) {
            throw new IllegalArgumentException("Stamp " + dedicatedStamp + " is not in region " + input.region());
        }
        FleetState fleet = new FleetState(stamps);
        Set<String> touched = new LinkedHashSet<>();
        List<Planner.Selected> selected = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String name : registries) {
            RegistryLoad registry = input.registries().stream()
                    .filter(r -> r.registry().equals(name))
                    .findFirst()
                    .orElse(null);
            if (registry == null) {
                notes.add(name + ": no replica in " + input.region() + "; nothing to move.");
                continue;
            }
            if (registry.homeStamp().equals(dedicatedStamp)) {
                notes.add(name + ": already served by " + dedicatedStamp + ".");
                continue;
            }
            StampLoad source = java.util.Objects.requireNonNull(
                    fleet.stamps.get(registry.homeStamp()), "a registry's home stamp is in the input");
            List<RegistryLoad> onSource = input.registries().stream()
                    .filter(r -> r.homeStamp().equals(registry.homeStamp()))
                    .toList();
            ContributionRanking.Ranked ranked = ContributionRanking.rank(source, onSource, settings.target()).stream()
                    .filter(r -> r.registry().registry().equals(name))
                    .findFirst()
                    .orElseThrow();
            touched.add(registry.homeStamp());
            touched.add(dedicatedStamp);
            Map<PoolKind, Double> before = new EnumMap<>(PoolKind.class);
            fleet.pools(dedicatedStamp).forEach((kind, pool) -> before.put(kind, pool.predictedP95()));
            Planner.relieve(fleet, registry, dedicatedStamp);
            StringBuilder effect = new StringBuilder();
            fleet.pools(dedicatedStamp)
                    .forEach((kind, pool) -> effect.append(String.format(
                            Locale.ROOT,
                            "%s%s %.1f → %.1f %%",
                            effect.length() == 0 ? "" : ", ",
                            kind,
                            before.get(kind),
                            pool.predictedP95())));
            String whyRegistry = String.format(
                    Locale.ROOT,
                    "%s makes %.1f %% of %s's %s traffic in its peak minutes; its customer's isolation request moves it.",
                    name,
                    ranked.contribution() * 100,
                    registry.homeStamp(),
                    ranked.pool());
            String whyDestination = String.format(
                    Locale.ROOT,
                    "%s is the dedicated stamp provisioned for the request (predicted %s).",
                    dedicatedStamp,
                    effect);
            selected.add(new Planner.Selected(
                    registry,
                    dedicatedStamp,
                    ranked.contribution(),
                    new MoveExplanation(whyRegistry, whyDestination, List.of())));
        }
        List<Relief> reliefs = new ArrayList<>();
        for (String stamp : touched) {
            if (!stamp.equals(dedicatedStamp)) {
                reliefs.add(new Relief(
                        stamp,
                        fleet.worstOriginalP95(stamp),
                        fleet.worstPredictedP95(stamp),
                        fleet.worstPredictedP95(stamp) <= settings.target()));
            }
            notes.add(String.format(
                    Locale.ROOT,
                    "%s: predicted hot-node P95 %.1f → %.1f %%.",
                    stamp,
                    fleet.worstOriginalP95(stamp),
                    fleet.worstPredictedP95(stamp)));
        }
        return new Plan(
                input.region(),
                Phasing.assign(selected, settings),
                List.of(),
                Planner.predictions(fleet, touched),
                reliefs,
                notes);
    }

    /** A minute in which the new stamp did not report yet is taken as idle: its baseline b. */
    private static StampLoad idleWhereSilent(StampLoad stamp) {
        Map<PoolKind, PoolLoad> pools = new EnumMap<>(PoolKind.class);
        stamp.pools().forEach((kind, load) -> {
            float[] minutes = load.hotNodeMinutes().clone();
            for (int t = 0; t < minutes.length; t++) {
                if (Float.isNaN(minutes[t])) {
                    minutes[t] = (float) load.idleBaseline();
                }
            }
            pools.put(kind, new PoolLoad(load.nodes(), load.idleBaseline(), minutes));
        });
        return new StampLoad(stamp.name(), stamp.shared(), stamp.active(), stamp.inRollout(), pools);
    }
}
