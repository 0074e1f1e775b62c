package dev.stampboard.planning;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.TransitionRefused;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.planning.engine.Candidate;
import dev.stampboard.planning.engine.DedicatedStampMigration;
import dev.stampboard.planning.engine.Plan;
import dev.stampboard.planning.engine.PlanChoices;
import dev.stampboard.planning.engine.Planner;
import dev.stampboard.planning.engine.PlanningSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The planning side of isolation requests (DESIGN §6): the planner's advice on a request's registries,
 * and, once the dedicated stamp is active, the migration plan onto it — phased and predicted like any
 * plan and submitted for an engineer's approval (four eyes: the submitter is the system, on behalf of
 * the request). Callers check roles; this class trusts them (the provisioning loop runs as the system).
 */
@Service
public class IsolationMigrationPlans {

    private final PlanRepository plans;
    private final PlanHistory history;
    private final PlanningInputFactory inputs;
    private final PlanComputation computation;
    private final FleetService fleet;
    private final Clock clock;

    IsolationMigrationPlans(
            PlanRepository plans,
            PlanHistory history,
            PlanningInputFactory inputs,
            PlanComputation computation,
            FleetService fleet,
            Clock clock) {
        this.plans = plans;
        this.history = history;
        this.inputs = inputs;
        this.computation = computation;
        this.fleet = fleet;
        this.clock = clock;
    }

    /** The customer's dedicated stamp in the region: one per customer and region, the name plans use too. */
    public static String dedicatedStampFor(String customer, String region) {
        return DedicatedStampMoves.stampFor(customer, region);
    }

    /**
     * Opens the plan that moves each registry's replica in the region from its home stamp to the
     * dedicated stamp, and submits it for approval. {@code why} goes into the plan's notes and history.
     */
    @Transactional
    public PlanDetails proposeOnto(String region, List<String> registries, String dedicatedStamp, String why) {
        StampInfo stamp = fleet.stamp(dedicatedStamp)
                .filter(s -> s.region().equals(region))
                .orElseThrow(() ->
                        new InvalidInputException("Stamp " + dedicatedStamp + " is not a stamp of region " + region));
        if (stamp.status() != StampStatus.ACTIVE) {
            // a plan's destination takes new replicas, which only an ACTIVE stamp does (fleet.Placement); the
            // executor would pause this plan at its first batch
            throw new TransitionRefused("Dedicated stamp " + dedicatedStamp + " is " + stamp.status()
                    + ": a migration plan moves replicas onto an ACTIVE stamp only");
        }
        List<String> sources = homeStamps(region, registries).stream()
                .filter(s -> !s.equals(dedicatedStamp))
                .toList();
        PlanningSettings settings = computation.defaultSettings();
        var input = inputs.build(region, new LinkedHashSet<>(sources), settings);
        Plan plan = DedicatedStampMigration.onto(input, new LinkedHashSet<>(registries), dedicatedStamp);
        RebalancePlan.Computation computed = computation.computation(region, settings, input, plan);
        List<String> notes = new ArrayList<>();
        notes.add(why);
        if (!computed.notes().isBlank()) {
            notes.add(computed.notes());
        }
        RebalancePlan draft = RebalancePlan.draft(
                UUID.randomUUID().toString(),
                region,
                sources,
                Actor.SYSTEM,
                clock.instant(),
                new RebalancePlan.Computation(
                        computed.minute(),
                        computed.settings(),
                        String.join("\n", notes),
                        computed.moves(),
                        computed.isolations(),
                        computed.predictions(),
                        computed.evidence(),
                        computed.triggers()),
                "onto dedicated stamp " + dedicatedStamp + " in " + region + ": "
                        + computed.moves().size() + " moves (" + why + ")");
        draft.submit(Actor.SYSTEM);
        plans.save(draft);
        history.append(PlanId.of(draft.getId()), clock.instant(), Actor.SYSTEM, null, PlanStatus.DRAFT, why);
        history.append(
                PlanId.of(draft.getId()),
                clock.instant(),
                Actor.SYSTEM,
                PlanStatus.DRAFT,
                PlanStatus.PENDING_APPROVAL,
                "submitted for an engineer's approval");
        return draft.toView(false);
    }

    /** The planner's view of these registries now: could a shared stamp take each, or is a dedicated stamp its answer? */
    @Transactional(readOnly = true)
    public List<IsolationAdvice> advise(String region, List<String> requested) {
        List<IsolationAdvice> advice = new ArrayList<>();
        List<String> registries = new ArrayList<>();
        for (String registry : requested) {
            String home =
                    fleet.registry(registry).flatMap(r -> r.homeStamp(region)).orElse("");
            if (isDedicated(home)) {
                advice.add(IsolationAdvice.isolatedOn(registry, home));
            } else {
                registries.add(registry);
            }
        }
        Set<String> sources = homeStamps(region, registries);
        if (sources.isEmpty()) {
            return advice;
        }
        var input = inputs.build(region, sources, computation.defaultSettings());
        Planner planner = new Planner();
        Plan plan = planner.plan(input, new PlanChoices(Set.copyOf(registries), Map.of()));
        List<Candidate> candidates = planner.candidates(input);
        for (String registry : registries) {
            double contribution = candidates.stream()
                    .filter(c -> c.registry().equals(registry))
                    .mapToDouble(Candidate::contribution)
                    .findFirst()
                    .orElse(0);
            String home =
                    fleet.registry(registry).flatMap(r -> r.homeStamp(region)).orElse("");
            plan.isolation().stream()
                    .filter(i -> i.registry().equals(registry))
                    .findFirst()
                    .ifPresentOrElse(
                            i -> advice.add(new IsolationAdvice(registry, home, contribution, true, null, i.reason())),
                            () -> plan.moves().stream()
                                    .filter(m -> m.registry().equals(registry))
                                    .findFirst()
                                    .ifPresentOrElse(
                                            m -> advice.add(new IsolationAdvice(
                                                    registry,
                                                    home,
                                                    contribution,
                                                    false,
                                                    m.to(),
                                                    m.explanation().whyRegistry() + " "
                                                            + m.explanation().whyDestination())),
                                            () -> advice.add(new IsolationAdvice(
                                                    registry,
                                                    home,
                                                    contribution,
                                                    false,
                                                    null,
                                                    "No move proposed: " + String.join(" ", plan.notes())))));
        }
        return advice;
    }

    /**
     * DESIGN §6 sizing for what these registries measurably carry at peak now (summed peaks), so a
     * dedicated stamp is never built smaller than its registries' observed load.
     */
    @Transactional(readOnly = true)
    public dev.stampboard.planning.engine.Sizing observedSizing(String region, List<String> registries) {
        return computation.observedSizing(region, homeStamps(region, registries), Set.copyOf(registries));
    }

    private boolean isDedicated(String stamp) {
        return fleet.stamp(stamp)
                .map(s -> s.kind() == dev.stampboard.fleet.StampKind.DEDICATED)
                .orElse(false);
    }

    /** The registries whose home stamp in the region is already {@code dedicatedStamp}: nothing to move for them. */
    @Transactional(readOnly = true)
    public List<String> alreadyOn(String region, List<String> registries, String dedicatedStamp) {
        return registries.stream()
                .filter(r -> fleet.registry(r)
                        .flatMap(info -> info.homeStamp(region))
                        .map(dedicatedStamp::equals)
                        .orElse(false))
                .toList();
    }

    private Set<String> homeStamps(String region, List<String> registries) {
        Set<String> homes = new LinkedHashSet<>();
        for (String name : registries) {
            fleet.registry(name)
                    .flatMap((RegistryInfo r) -> r.homeStamp(region))
                    .ifPresent(homes::add);
        }
        return homes;
    }
}
