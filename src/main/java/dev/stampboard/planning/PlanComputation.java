package dev.stampboard.planning;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.fleet.DedicatedStampSpec;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.planning.engine.Candidate;
import dev.stampboard.planning.engine.Plan;
import dev.stampboard.planning.engine.PlanChoices;
import dev.stampboard.planning.engine.Planner;
import dev.stampboard.planning.engine.PlanningInput;
import dev.stampboard.planning.engine.PlanningSettings;
import dev.stampboard.planning.engine.Relief;
import dev.stampboard.planning.engine.Sizing;
import dev.stampboard.security.Role;
import dev.stampboard.signals.PoolSignal;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.StampSignals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Plan computation: what the planner makes of the region's current signals — the wizard's candidates,
 * preview and draft, a plan's stored form (moves with the dedicated stamps' followers, predictions,
 * evidence, notes), the prediction the executor validates against, and what to provision for a
 * dedicated destination. Nothing here stores or changes a plan; {@link PlanningService} does.
 */
@Service
public class PlanComputation {

    private final PlanningInputFactory inputs;
    private final FleetService fleet;
    private final SignalsService signals;
    private final PlanningProperties properties;
    private final StampSizing sizing;
    private final Planner planner = new Planner();

    PlanComputation(
            PlanningInputFactory inputs,
            FleetService fleet,
            SignalsService signals,
            PlanningProperties properties,
            StampSizing sizing) {
        this.inputs = inputs;
        this.fleet = fleet;
        this.signals = signals;
        this.properties = properties;
        this.sizing = sizing;
    }

    /**
     * The planner's settings: the signals' current hot threshold, the dedicated-stamp sizing of
     * {@code stampboard.isolation.*}, the rest from {@code stampboard.planning.*}.
     */
    public PlanningSettings defaultSettings() {
        PlanningProperties p = properties;
        return new PlanningSettings(
                signals.settings().hotThreshold(),
                p.margin(),
                p.lowShareMax(),
                p.highShareMin(),
                p.mediumBatchSize(),
                p.mediumObservationHours(),
                p.highObservationHours(),
                p.maxShareOfSharedStamp(),
                sizing.settings());
    }

    /** The wizard's candidates: registries on the chosen stamps with their contribution, ranked. */
    @Secured(Role.Authority.ENGINEER)
    public List<Candidate> candidates(String region, List<String> sourceStamps) {
        validate(region, sourceStamps);
        return planner.candidates(inputs.build(region, new LinkedHashSet<>(sourceStamps), defaultSettings()));
    }

    /** The wizard's preview: what the planner makes of these choices (nothing is stored). */
    @Secured(Role.Authority.ENGINEER)
    public Plan preview(
            String region, List<String> sourceStamps, @Nullable PlanChoices choices, PlanningSettings settings) {
        validate(region, sourceStamps);
        return planner.plan(inputs.build(region, new LinkedHashSet<>(sourceStamps), settings), choices);
    }

    /**
     * The wizard's draft: the plan exactly as {@link PlanningService#proposeAndSubmit(PlanDraft)} would store
     * it — every move (a dedicated stamp's followers included), phase, batch, prediction and note (nothing is
     * stored).
     */
    @Secured(Role.Authority.ENGINEER)
    public PlanDraft draft(
            String region, List<String> sourceStamps, @Nullable PlanChoices choices, PlanningSettings settings) {
        validate(region, sourceStamps);
        PlanningInput input = inputs.build(region, new LinkedHashSet<>(sourceStamps), settings);
        Plan plan = planner.plan(input, choices);
        RebalancePlan.Computation computation = computation(region, settings, input, plan);
        return new PlanDraft(
                region,
                sourceStamps,
                settings,
                plan,
                computation,
                DedicatedStampMoves.stampsOf(region, computation.isolations(), fleet));
    }

    /**
     * The model's prediction (DESIGN §3) for exactly these moves applied to the region's current
     * signals: what the cutover engine compares a validated move with.
     */
    public List<PlanPrediction> predictMoves(String region, Map<String, String> destinationByRegistry) {
        return planner
                .predictMoves(inputs.build(region, new LinkedHashSet<>(), defaultSettings()), destinationByRegistry)
                .stream()
                .map(p -> new PlanPrediction(p.stamp(), p.pool().name(), p.before(), p.after()))
                .toList();
    }

    /** What to provision when a move of this plan goes to a dedicated stamp that does not exist yet. */
    public Optional<DedicatedStampSpec> dedicatedStampSpec(PlanDetails plan, String stamp, Actor requestedBy) {
        PlanningSettings settings = defaultSettings();
        PlanningInput input = inputs.build(plan.region(), new LinkedHashSet<>(), settings);
        return DedicatedStampMoves.spec(
                plan,
                stamp,
                requestedBy,
                fleet,
                registries -> StampSizing.forPeaksOf(input, registries, settings.sizing()));
    }

    /**
     * Sizing for what these registries measurably carry at peak now in the region (summed peaks), with
     * the configured figures.
     */
    Sizing observedSizing(String region, Set<String> homeStamps, Set<String> registries) {
        PlanningSettings settings = defaultSettings();
        PlanningInput input = inputs.build(region, homeStamps, settings);
        return StampSizing.forPeaksOf(input, registries, settings.sizing());
    }

    void validate(String region, List<String> sourceStamps) {
        if (fleet.regions().stream().noneMatch(r -> r.name().equals(region))) {
            throw new InvalidInputException("Unknown region '" + region + "'");
        }
        for (String stamp : sourceStamps) {
            StampInfo info =
                    fleet.stamp(stamp).orElseThrow(() -> new InvalidInputException("Unknown stamp '" + stamp + "'"));
            if (!info.region().equals(region)) {
                throw new InvalidInputException("Stamp " + stamp + " is in " + info.region() + ", not " + region
                        + ": a plan never leaves its region");
            }
        }
    }

    /** The plan for these sources and choices as it would be stored. */
    RebalancePlan.Computation compute(
            String region, List<String> sourceStamps, PlanningSettings settings, @Nullable PlanChoices choices) {
        PlanningInput input = inputs.build(region, new LinkedHashSet<>(sourceStamps), settings);
        return computation(region, settings, input, planner.plan(input, choices));
    }

    /** An engine plan as stored: moves (the dedicated stamps' included), isolations, predictions, the region's signals as evidence. */
    RebalancePlan.Computation computation(String region, PlanningSettings settings, PlanningInput input, Plan plan) {
        List<PlanMove> moves = plan.moves().stream()
                .map(m -> new PlanMove(
                        m.registry(),
                        region,
                        m.from(),
                        m.to(),
                        m.phase(),
                        m.batch(),
                        m.observationHours(),
                        m.explanation().whyRegistry(),
                        m.explanation().whyDestination(),
                        String.join(
                                "\n",
                                m.explanation().rejected().stream()
                                        .map(r -> r.stamp() + ": " + r.reason())
                                        .toList())))
                .toList();
        List<PlanIsolation> isolations = plan.isolation().stream()
                .map(i -> new PlanIsolation(
                        i.registry(),
                        i.from(),
                        i.reason(),
                        i.sizing().registryNodes(),
                        i.sizing().dataproxyNodes(),
                        i.sizing().storageAccounts(),
                        i.sizing().arithmetic()))
                .toList();
        moves = new ArrayList<>(moves);
        List<PlanMove> dedicated = DedicatedStampMoves.of(
                region,
                isolations,
                moves,
                planner.candidates(input),
                settings,
                fleet,
                registries -> StampSizing.forPeaksOf(input, registries, settings.sizing()));
        moves.addAll(dedicated);
        moves.sort(Comparator.comparingInt(PlanMove::phase).thenComparingInt(PlanMove::batch));
        // the prediction of exactly the moves the plan makes, followers of an isolated customer included
        Map<String, String> destinations = new LinkedHashMap<>();
        moves.forEach(m -> destinations.put(m.registry(), m.toStamp()));
        List<PlanPrediction> predictions = (dedicated.isEmpty()
                        ? plan.predictions()
                        : planner.predictMoves(input, destinations))
                .stream()
                        .map(p -> new PlanPrediction(p.stamp(), p.pool().name(), p.before(), p.after()))
                        .toList();
        List<PlanEvidence> evidence = new ArrayList<>();
        for (StampSignals s : signals.stampSignalsIn(region)) {
            for (PoolSignal p : s.pools()) {
                evidence.add(new PlanEvidence(
                        s.stamp().name(),
                        p.pool().name(),
                        p.hotNodeP95(),
                        p.state().name()));
            }
        }
        List<String> notes =
                new ArrayList<>(dedicated.isEmpty() ? plan.notes() : agreeingNotes(plan, predictions, settings));
        notes.add(inputs.calibrationNote());
        // which signal triggered each stamp the plan relieves, in the planner's order (hottest first)
        List<PlanTrigger> triggers = plan.reliefs().stream()
                .flatMap(r -> input.triggers().getOrDefault(r.stamp(), List.of()).stream())
                .map(PlanTrigger::of)
                .toList();
        return new RebalancePlan.Computation(
                signals.nowMinute(),
                Objects.toString(settings),
                String.join("\n", notes),
                moves,
                isolations,
                predictions,
                evidence,
                triggers);
    }

    /**
     * The engine wrote its relief notes before the dedicated stamps' followers were added; each such note
     * is rewritten from the final predictions, so notes and prediction table agree. A note is recognised
     * by being exactly what the engine wrote from its own predictions, not by its wording.
     */
    private static List<String> agreeingNotes(
            Plan plan, List<PlanPrediction> finalPredictions, PlanningSettings settings) {
        List<PlanPrediction> enginePredictions = plan.predictions().stream()
                .map(p -> new PlanPrediction(p.stamp(), p.pool().name(), p.before(), p.after()))
                .toList();
        List<String> stamps =
                enginePredictions.stream().map(PlanPrediction::stamp).distinct().toList();
        Map<String, String> rewritten = new HashMap<>();
        List<Relief> fresh = Reliefs.of(finalPredictions, stamps, settings.target());
        for (Relief old : Reliefs.of(enginePredictions, stamps, settings.target())) {
            fresh.stream()
                    .filter(r -> r.stamp().equals(old.stamp()))
                    .findFirst()
                    .ifPresent(r ->
                            rewritten.put(Reliefs.note(old, settings.target()), Reliefs.note(r, settings.target())));
        }
        return plan.notes().stream().map(n -> rewritten.getOrDefault(n, n)).toList();
    }
}
