package dev.stampboard.planning;

import dev.stampboard.base.Actor;
import dev.stampboard.base.ConflictException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.base.SingleInstanceJobs;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.planning.engine.PlanChoices;
import dev.stampboard.planning.engine.PlanningSettings;
import dev.stampboard.planning.engine.Relief;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import dev.stampboard.signals.SignalsService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
 * The plan workflow: propose, submit, approve, reject, refresh, expire, and the execution steps the
 * cutover engine reports. Every entry point checks the caller's role (so the browser and the API obey
 * the same rules), writes the status history and the audit log in the same transaction. What a plan
 * contains is computed by {@link PlanComputation}.
 */
@Service
@EnableConfigurationProperties(PlanningProperties.class)
public class PlanningService {

    private final PlanRepository plans;
    private final PlanHistory history;
    private final PlanComputation computation;
    private final FleetService fleet;
    private final SignalsService signals;
    private final CurrentUser currentUser;
    private final PlanningProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final PlanOutcomes outcomes;
    private final org.springframework.beans.factory.ObjectProvider<MoveProgress> progress;
    private final org.springframework.beans.factory.ObjectProvider<SingleInstanceJobs> jobs;

    PlanningService(
            PlanRepository plans,
            PlanHistory history,
            PlanComputation computation,
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
        this.computation = computation;
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
                computation.defaultSettings().target());
    }

    /**
     * The wizard's last step: exactly the draft the engineer saw, stored and submitted for approval (not
     * recomputed, so the submitted plan is the one shown; staleness is judged against its evidence as usual).
     */
    @Secured(Role.Authority.ENGINEER)
    @Transactional
    public PlanDetails proposeAndSubmit(PlanDraft draft) {
        PlanDetails stored = store(draft.region(), draft.sourceStamps(), draft.computation());
        return submit(stored.planId());
    }

    /** Asks the planner for a plan of the region (or only the given source stamps) and keeps it as a DRAFT. */
    @Secured(Role.Authority.ENGINEER)
    @Transactional
    public PlanDetails propose(String region, List<String> sourceStamps, @Nullable PlanningSettings settings) {
        return propose(region, sourceStamps, settings, null);
    }

    /** The plan as the engineer shaped it, stored and submitted for approval ({@code settings} null: the defaults). */
    @Secured(Role.Authority.ENGINEER)
    @Transactional
    public PlanDetails proposeAndSubmit(
            String region,
            List<String> sourceStamps,
            @Nullable PlanningSettings settings,
            @Nullable PlanChoices choices) {
        PlanDetails draft = propose(region, sourceStamps, settings, choices);
        return submit(draft.planId());
    }

    private PlanDetails propose(
            String region,
            List<String> sourceStamps,
            @Nullable PlanningSettings settings,
            @Nullable PlanChoices choices) {
        computation.validate(region, sourceStamps);
        return store(
                region,
                sourceStamps,
                computation.compute(
                        region, sourceStamps, settings == null ? computation.defaultSettings() : settings, choices));
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
        history.append(
                PlanId.of(plan.getId()), clock.instant(), actor, null, PlanStatus.DRAFT, "proposed by the planner");
        return plan.toView(false);
    }

    @Secured(Role.Authority.ENGINEER)
    @Transactional
    public PlanDetails submit(PlanId id) {
        return transition(id, null, (plan, actor) -> plan.submit(actor));
    }

    @Secured(Role.Authority.ENGINEER)
    @Transactional
    public PlanDetails approve(PlanId id) {
        return transition(id, null, (plan, actor) -> plan.approve(actor, isStale(plan), shapedBy(id)));
    }

    @Secured(Role.Authority.ENGINEER)
    @Transactional
    public PlanDetails reject(PlanId id, @Nullable String reason) {
        String why = reason == null ? "" : reason;
        return transition(id, why, (plan, actor) -> plan.reject(actor, why));
    }

    /** Recomputes an open plan from current signals (the way out of "stale"). */
    @Secured(Role.Authority.ENGINEER)
    @Transactional
    public PlanDetails refresh(PlanId id) {
        return transition(id, "recomputed from current signals", (plan, actor) -> {
            PlanDetails view = plan.toView(false);
            plan.refresh(
                    actor,
                    computation.compute(view.region(), view.sourceStamps(), computation.defaultSettings(), null));
        });
    }

    @Transactional(readOnly = true)
    public PlanDetails get(PlanId id) {
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
    public List<ReportRow> report(PlanId id) {
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
            Double pct = before == null || after == null || before == 0 ? null : (after - before) / before * 100;
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
    public PlanDetails startExecution(PlanId id, Actor actor) {
        return systemTransition(id, actor, "execution started", p -> p.startExecution(actor));
    }

    /** IN_PROGRESS → COMPLETED | ROLLED_BACK; announces {@link PlanFinished} to whoever waits for it. */
    @Transactional
    public PlanDetails finishExecution(PlanId id, PlanStatus outcome, Actor actor, String reason) {
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
        Map<Integer, String> started = engine == null ? Map.of() : engine.statesOf(PlanId.of(plan.id()));
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

    private PlanDetails systemTransition(
            PlanId id, Actor actor, String reason, java.util.function.Consumer<RebalancePlan> step) {
        RebalancePlan plan = load(id);
        PlanStatus from = plan.status();
        step.accept(plan);
        plans.save(plan);
        history.append(id, clock.instant(), actor, from, plan.status(), reason);
        return plan.toView(false);
    }

    @Transactional(readOnly = true)
    public List<PlanStatusChange> history(PlanId id) {
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
                        PlanId.of(plan.getId()),
                        clock.instant(),
                        Actor.SYSTEM,
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
    private PlanDetails transition(PlanId id, @Nullable String reason, Step step) {
        RebalancePlan plan = load(id);
        Actor actor = currentUser.actor();
        PlanStatus from = plan.status();
        step.apply(plan, actor);
        try {
            plans.save(plan);
        } catch (ConcurrencyFailureException lost) {
            throw new ConflictException(whatChanged(id));
        }
        history.append(id, clock.instant(), actor, from, plan.status(), reason);
        return plan.toView(false);
    }

    /** Who created, submitted or refreshed the plan while it was open (four eyes bars them all from approving). */
    private java.util.Set<String> shapedBy(PlanId id) {
        return history.of(id).stream()
                .filter(c -> c.to().isOpen())
                .map(c -> c.actor().name())
                .collect(java.util.stream.Collectors.toSet());
    }

    /** "Plan … was approved by bob a moment ago": the change that won a race, from the committed history. */
    private String whatChanged(PlanId id) {
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

    private RebalancePlan load(PlanId id) {
        return plans.findById(id.value()).orElseThrow(() -> new NotFoundException("No plan with id '" + id + "'"));
    }
}
