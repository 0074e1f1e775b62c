package dev.stampboard.planning;

import dev.stampboard.base.Actor;
import dev.stampboard.base.ConflictException;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.base.SingleInstanceJobs;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.planning.engine.Candidate;
import dev.stampboard.planning.engine.Plan;
import dev.stampboard.planning.engine.PlanChoices;
import dev.stampboard.planning.engine.Planner;
import dev.stampboard.planning.engine.PlanningInput;
import dev.stampboard.planning.engine.PlanningSettings;
import dev.stampboard.planning.engine.RegistryLoad;
import dev.stampboard.planning.engine.Relief;
import dev.stampboard.planning.engine.Sizing;
import dev.stampboard.planning.engine.SizingCalculator;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import dev.stampboard.signals.PoolSignal;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.StampSignals;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan workflow. Every entry point checks the caller's role (so the browser and the API obey
 * the same rules), writes the status history and the audit log in the same transaction.
 */
@Service
@EnableConfigurationProperties(PlanningProperties.class)
public class PlanningService {

    private final PlanRepository plans;
    private final PlanHistory history;
    private final PlanningInputFactory inputs;
    private final FleetService fleet;
    private final SignalsService signals;
    private final CurrentUser currentUser;
    private final PlanningProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final PlanOutcomes outcomes;
    private final org.springframework.beans.factory.ObjectProvider<MoveProgress> progress;
    private final org.springframework.beans.factory.ObjectProvider<SingleInstanceJobs> jobs;
    private final Planner planner = new Planner();

    PlanningService(
            PlanRepository plans,
            PlanHistory history,
            PlanningInputFactory inputs,
            FleetService fleet,
            SignalsService signals,
            CurrentUser currentUser,
            PlanningProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            PlanOutcomes outcomes,
            org.springframework.beans.factory.ObjectProvider<MoveProgress> progress,
            org.springframework.beans.factory.ObjectProvider<SingleInstanceJobs> jobs) {
        this.plans = plans;
        this.history = history;
        this.inputs = inputs;
        this.fleet = fleet;
        this.signals = signals;
        this.currentUser = currentUser;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.outcomes = outcomes;
        this.progress = progress;
        this.jobs = jobs;
    }

    /** The planner's settings: the signals' current hot threshold, the rest from {@code stampboard.planning.*}. */
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
                PlanningSettings.defaults().sizing());
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
     * The wizard's draft: the plan exactly as {@link #proposeAndSubmit(PlanDraft)} would store it — every
     * move (a dedicated stamp's followers included), phase, batch, prediction and note (nothing is stored).
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

    /** The distinct dedicated stamps a stored plan's moves go to (one per isolated customer). */
    @Transactional(readOnly = true)
    public List<String> dedicatedStamps(PlanDetails plan) {
        return DedicatedStampMoves.stampsOf(plan.region(), plan.isolations(), fleet);
    }

    /** The relief per source stamp of a stored plan (worst pool before and after), as its notes say it. */
    public List<Relief> reliefs(PlanDetails plan) {
        return Reliefs.of(
                plan.predictions(),
                PlanDraft.sourceStampsOf(plan.moves(), plan.isolations()),
                defaultSettings().target());
    }

    /**
     * The wizard's last step: exactly the draft the engineer saw, stored and submitted for approval (not
     * recomputed, so the submitted plan is the one shown; staleness is judged against its evidence as usual).
     */
    @Secured(Role.Authority.ENGINEER)
    @Transactional
    public PlanDetails proposeAndSubmit(PlanDraft draft) {
        PlanDetails stored = store(draft.region(), draft.sourceStamps(), draft.computation());
        return submit(stored.id());
    }

    /** Asks the planner for a plan of the region (or only the given source stamps) and keeps it as a DRAFT. */
    @Secured(Role.Authority.ENGINEER)
    @Transactional
    public PlanDetails propose(String region, List<String> sourceStamps, @Nullable PlanningSettings settings) {
        return propose(region, sourceStamps, settings, null);
    }

    /** The wizard's last step: the plan as the engineer shaped it, stored and submitted for approval. */
    @Secured(Role.Authority.ENGINEER)
    @Transactional
    public PlanDetails proposeAndSubmit(
            String region, List<String> sourceStamps, PlanningSettings settings, PlanChoices choices) {
        PlanDetails draft = propose(region, sourceStamps, settings, choices);
        return submit(draft.id());
    }

    private void validate(String region, List<String> sourceStamps) {
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

    private PlanDetails propose(
            String region,
            List<String> sourceStamps,
            @Nullable PlanningSettings settings,
            @Nullable PlanChoices choices) {
        validate(region, sourceStamps);
        return store(
                region,
                sourceStamps,
                compute(region, sourceStamps, settings == null ? defaultSettings() : settings, choices));
    }

    private PlanDetails store(String region, List<String> sourceStamps, RebalancePlan.Computation computation) {
        Actor actor = currentUser.actor();
        RebalancePlan plan = RebalancePlan.draft(
                UUID.randomUUID().toString(),
                region,
                sourceStamps,
                actor,
                clock.instant(),
                computation,
                "region " + region + ", sources "
                        + (sourceStamps.isEmpty() ? "every triggered stamp" : sourceStamps) + ": "
                        + computation.moves().size() + " moves, "
                        + computation.isolations().size() + " isolations");
        plans.save(plan);
        history.append(plan.getId(), clock.instant(), actor.name(), null, PlanStatus.DRAFT, "proposed by the planner");
        return plan.toView(false);
    }

    @Secured(Role.Authority.ENGINEER)
    @Transactional
    public PlanDetails submit(String id) {
        return transition(id, null, (plan, actor) -> plan.submit(actor));
    }

    @Secured(Role.Authority.ENGINEER)
    @Transactional
    public PlanDetails approve(String id) {
        return transition(id, null, (plan, actor) -> plan.approve(actor, isStale(plan), shapedBy(id)));
    }

    @Secured(Role.Authority.ENGINEER)
    @Transactional
    public PlanDetails reject(String id, @Nullable String reason) {
        String why = reason == null ? "" : reason;
        return transition(id, why, (plan, actor) -> plan.reject(actor, why));
    }

    /** Recomputes an open plan from current signals (the way out of "stale"). */
    @Secured(Role.Authority.ENGINEER)
    @Transactional
    public PlanDetails refresh(String id) {
        return transition(id, "recomputed from current signals", (plan, actor) -> {
            PlanDetails view = plan.toView(false);
            plan.refresh(actor, compute(view.region(), view.sourceStamps(), defaultSettings(), null));
        });
    }

    @Transactional(readOnly = true)
    public PlanDetails get(String id) {
        RebalancePlan plan = load(id);
        return plan.toView(plan.status().isOpen() && isStale(plan));
    }

    @Transactional(readOnly = true)
    public List<PlanDetails> list(@Nullable PlanStatus status) {
        List<RebalancePlan> found =
                status == null ? plans.findAllByOrderByCreatedAtDesc() : plans.findByStatusOrderByCreatedAtDesc(status);
        return found.stream()
                .map(p -> p.toView(p.status().isOpen() && isStale(p)))
                .toList();
    }

    /**
     * The outcome report: for every stamp pool the plan touched, P95 before (the evidence) → after (as
     * measured when execution finished, or now while it has not), the change in pp and %, and the
     * prediction. After execution it is the seed's table.
     */
    @Transactional(readOnly = true)
    public List<ReportRow> report(String id) {
        PlanDetails plan = get(id);
        Map<String, PlanOutcomes.Measured> measured = outcomes.of(id);
        List<ReportRow> rows = new ArrayList<>();
        for (PlanPrediction p : plan.predictions()) {
            Double before = plan.evidence().stream()
                    .filter(e -> e.stamp().equals(p.stamp()) && e.pool().equals(p.pool()))
                    .map(PlanEvidence::p95)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            PlanOutcomes.Measured outcome = measured.get(p.stamp() + "/" + p.pool());
            Double after = outcome != null ? outcome.p95() : currentP95(p.stamp(), p.pool());
            Double pp = before == null || after == null ? null : after - before;
            Double pct = pp == null || before == 0 ? null : pp / before * 100;
            rows.add(new ReportRow(
                    p.stamp(), p.pool(), before, after, pp, pct, p.afterP95(), outcome == null ? null : outcome.at()));
        }
        return rows;
    }

    private @Nullable Double currentP95(String stamp, String pool) {
        var now = fleet.stamp(stamp).isPresent()
                ? signals.hotNodeP95(stamp, PoolKind.valueOf(pool))
                : java.util.OptionalDouble.empty();
        return now.isPresent() ? now.getAsDouble() : null;
    }

    // ---- execution, driven by the cutover engine (which checks roles itself) ----------------------

    /** APPROVED → IN_PROGRESS, recorded in the plan's history and the audit log. */
    @Transactional
    public PlanDetails startExecution(String id, Actor actor) {
        return systemTransition(id, actor, "execution started", p -> p.startExecution(actor));
    }

    /** IN_PROGRESS → COMPLETED | ROLLED_BACK; announces {@link PlanFinished} to whoever waits for it. */
    @Transactional
    public PlanDetails finishExecution(String id, PlanStatus outcome, Actor actor, String reason) {
        PlanDetails view = systemTransition(id, actor, reason, p -> p.finishExecution(outcome, actor, reason));
        for (PlanPrediction p : view.predictions()) {
            outcomes.record(id, p.stamp(), p.pool(), currentP95(p.stamp(), p.pool()), clock.instant());
        }
        events.publishEvent(new PlanFinished(id, outcome));
        return view;
    }

    /**
     * Each move's state, in plan order: the cutover engine's state once it has taken the move over,
     * before that PLANNED (or APPROVED once the plan is approved).
     */
    @Transactional(readOnly = true)
    public List<String> moveStates(PlanDetails plan) {
        MoveProgress engine = progress.getIfAvailable();
        Map<Integer, String> started = engine == null ? Map.of() : engine.statesOf(plan.id());
        String notStarted = plan.status() == PlanStatus.APPROVED
                        || plan.status() == PlanStatus.IN_PROGRESS
                        || plan.status().isFinished()
                ? "APPROVED"
                : "PLANNED";
        List<String> states = new ArrayList<>();
        for (int seq = 0; seq < plan.moves().size(); seq++) {
            states.add(started.getOrDefault(seq, notStarted));
        }
        return states;
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
    @Transactional(readOnly = true)
    public java.util.Optional<dev.stampboard.fleet.DedicatedStampSpec> dedicatedStampSpec(
            String id, String stamp, String requestedBy) {
        PlanDetails plan = get(id);
        PlanningSettings settings = defaultSettings();
        PlanningInput input = inputs.build(plan.region(), new LinkedHashSet<>(), settings);
        return DedicatedStampMoves.spec(
                plan, stamp, requestedBy, fleet, registries -> sizeFor(input, registries, settings));
    }

    /** DESIGN §6 sizing for the summed peaks of these registries (peaks add up: sized for the worst case). */
    static Sizing sizeFor(PlanningInput input, java.util.Set<String> registries, PlanningSettings settings) {
        double requestsPerMinute = 0;
        double bytesPerMinute = 0;
        for (RegistryLoad r : input.registries()) {
            if (registries.contains(r.registry())) {
                requestsPerMinute += r.peakRequestsPerMinute();
                bytesPerMinute += r.peakBytesPerMinute();
            }
        }
        return SizingCalculator.size(requestsPerMinute / 60.0, bytesPerMinute * 8 / 60.0 / 1e9, 0, settings.sizing());
    }

    private PlanDetails systemTransition(
            String id, Actor actor, String reason, java.util.function.Consumer<RebalancePlan> step) {
        RebalancePlan plan = load(id);
        PlanStatus from = plan.status();
        step.accept(plan);
        plans.save(plan);
        history.append(id, clock.instant(), actor.name(), from, plan.status(), reason);
        return plan.toView(false);
    }

    @Transactional(readOnly = true)
    public List<PlanStatusChange> history(String id) {
        load(id);
        return history.of(id);
    }

    /** Plans left pending longer than the approval window expire (checked every few seconds of wall time). */
    @Scheduled(fixedDelay = 5000)
    @Transactional
    public void expireOverdue() {
        SingleInstanceJobs single = jobs.getIfAvailable();
        if (single != null && !single.holdsLease("plan-expiry")) {
            return; // another console instance expires plans
        }
        Duration limit = Duration.ofHours(properties.approvalExpiryHours());
        for (RebalancePlan plan : plans.findByStatusOrderByCreatedAtDesc(PlanStatus.PENDING_APPROVAL)) {
            if (plan.createdAt().plus(limit).isBefore(clock.instant())) {
                plan.expire(Actor.SYSTEM, "not approved within " + properties.approvalExpiryHours() + " h");
                plans.save(plan);
                history.append(
                        plan.getId(),
                        clock.instant(),
                        Actor.SYSTEM.name(),
                        PlanStatus.PENDING_APPROVAL,
                        PlanStatus.EXPIRED,
                        "pending longer than " + properties.approvalExpiryHours() + " h");
            }
        }
    }

    /** Material change: a pool's state changed, or its P95 moved by more than the staleness margin. */
    boolean isStale(RebalancePlan plan) {
        for (PlanEvidence e : plan.evidence()) {
            if (fleet.stamp(e.stamp()).isEmpty()) {
                return true;
            }
            PoolKind pool = PoolKind.valueOf(e.pool());
            var now = signals.hotNodeP95(e.stamp(), pool);
            String state = signals.poolState(e.stamp(), pool).name();
            if (!state.equals(e.state())) {
                return true;
            }
            if (now.isPresent()
                    && e.p95() != null
                    && Math.abs(now.getAsDouble() - e.p95()) > properties.stalenessPp()) {
                return true;
            }
        }
        return false;
    }

    private interface Step {
        void apply(RebalancePlan plan, Actor actor);
    }

    /** One step by the signed-in engineer; the plan registers the event that the audit log records on save. */
    private PlanDetails transition(String id, @Nullable String reason, Step step) {
        RebalancePlan plan = load(id);
        Actor actor = currentUser.actor();
        PlanStatus from = plan.status();
        step.apply(plan, actor);
        try {
            plans.save(plan);
        } catch (ConcurrencyFailureException lost) {
            throw new ConflictException(whatChanged(id));
        }
        history.append(id, clock.instant(), actor.name(), from, plan.status(), reason);
        return plan.toView(false);
    }

    /** Who created, submitted or refreshed the plan while it was open (four eyes bars them all from approving). */
    private java.util.Set<String> shapedBy(String id) {
        return history.of(id).stream()
                .filter(c -> c.to().isOpen())
                .map(PlanStatusChange::actor)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** "Plan … was approved by bob a moment ago": the change that won a race, from the committed history. */
    private String whatChanged(String id) {
        List<PlanStatusChange> changes = history.of(id);
        if (changes.isEmpty()) {
            return "Plan " + id + " was changed by someone else a moment ago; reload it and try again";
        }
        PlanStatusChange last = changes.get(changes.size() - 1);
        String verb = switch (last.to()) {
            case APPROVED -> "approved";
            case REJECTED -> "rejected";
            case EXPIRED -> "expired";
            case IN_PROGRESS -> "started";
            case PENDING_APPROVAL -> last.from() == PlanStatus.DRAFT ? "submitted" : "refreshed";
            default -> "changed";
        };
        return "Plan " + id + " was " + verb + " by " + last.actor() + " a moment ago and is now " + last.to()
                + "; nothing of yours was stored. Reload it and decide again if it still makes sense";
    }

    private RebalancePlan load(String id) {
        return plans.findById(id).orElseThrow(() -> new NotFoundException("No plan with id '" + id + "'"));
    }

    private RebalancePlan.Computation compute(
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
                registries -> sizeFor(input, registries, settings));
        moves.addAll(dedicated);
        moves.sort(java.util.Comparator.comparingInt(PlanMove::phase).thenComparingInt(PlanMove::batch));
        // the prediction of exactly the moves the plan makes, followers of an isolated customer included
        Map<String, String> destinations = new java.util.LinkedHashMap<>();
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
        return new RebalancePlan.Computation(
                signals.nowMinute(),
                Objects.toString(settings),
                String.join("\n", notes),
                moves,
                isolations,
                predictions,
                evidence);
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
        Map<String, String> rewritten = new java.util.HashMap<>();
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
