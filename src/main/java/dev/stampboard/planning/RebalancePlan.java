package dev.stampboard.planning;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.TransitionRefused;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Aggregate root of a rebalancing plan. The status changes only through the guarded transitions;
 * each checks the table in {@link PlanStatus}, returns nothing and throws {@link dev.stampboard.base.TransitionRefused}
 * with a reason a person can act on.
 */
@Table("plan")
class RebalancePlan extends AbstractAggregateRoot<RebalancePlan> implements Persistable<String> {

    @Id
    private final String id;

    private final String region;
    private PlanStatus status;
    private final String sourceStamps;
    private final String createdBy;
    private final Instant createdAt;
    private long computedAtMinute;
    private @Nullable String submittedBy;
    private @Nullable String decidedBy;
    private @Nullable String decisionReason;
    private String settings;
    private String notes;

    @Version
    private @Nullable Integer version;

    @MappedCollection(idColumn = "plan_id", keyColumn = "seq")
    private List<PlanMove> moves;

    @MappedCollection(idColumn = "plan_id", keyColumn = "seq")
    private List<PlanIsolation> isolations;

    @MappedCollection(idColumn = "plan_id")
    private Set<PlanPrediction> predictions;

    @MappedCollection(idColumn = "plan_id")
    private Set<PlanEvidence> evidence;

    @MappedCollection(idColumn = "plan_id", keyColumn = "seq")
    private List<PlanTrigger> triggers;

    @Transient
    private boolean isNew;

    @PersistenceCreator
    RebalancePlan(
            String id,
            String region,
            PlanStatus status,
            String sourceStamps,
            String createdBy,
            Instant createdAt,
            long computedAtMinute,
            @Nullable String submittedBy,
            @Nullable String decidedBy,
            @Nullable String decisionReason,
            String settings,
            String notes,
            @Nullable Integer version,
            List<PlanMove> moves,
            List<PlanIsolation> isolations,
            Set<PlanPrediction> predictions,
            Set<PlanEvidence> evidence,
            List<PlanTrigger> triggers) {
        this.id = id;
        this.region = region;
        this.status = status;
        this.sourceStamps = sourceStamps;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.computedAtMinute = computedAtMinute;
        this.submittedBy = submittedBy;
        this.decidedBy = decidedBy;
        this.decisionReason = decisionReason;
        this.settings = settings;
        this.notes = notes;
        this.version = version;
        this.moves = new ArrayList<>(moves);
        this.isolations = new ArrayList<>(isolations);
        this.predictions = new LinkedHashSet<>(predictions);
        this.evidence = new LinkedHashSet<>(evidence);
        this.triggers = new ArrayList<>(triggers);
    }

    /** A new DRAFT; {@code description} is what the proposal event (and so the audit log) says it proposes. */
    static RebalancePlan draft(
            String id,
            String region,
            List<String> sourceStamps,
            Actor createdBy,
            Instant now,
            Computation computation,
            String description) {
        RebalancePlan plan = new RebalancePlan(
                id,
                region,
                PlanStatus.DRAFT,
                String.join(",", sourceStamps),
                createdBy.name(),
                now,
                computation.minute(),
                null,
                null,
                null,
                computation.settings(),
                computation.notes(),
                null,
                computation.moves(),
                computation.isolations(),
                Set.copyOf(computation.predictions()),
                Set.copyOf(computation.evidence()),
                computation.triggers());
        plan.isNew = true;
        plan.registerEvent(new PlanProposed(PlanId.of(id), createdBy, description));
        return plan;
    }

    /** What the planner produced for this plan at one minute; {@code triggers}: what triggered its source stamps. */
    record Computation(
            long minute,
            String settings,
            String notes,
            List<PlanMove> moves,
            List<PlanIsolation> isolations,
            List<PlanPrediction> predictions,
            List<PlanEvidence> evidence,
            List<PlanTrigger> triggers) {}

    // ---- transitions -------------------------------------------------------------------------

    void submit(Actor actor) {
        require(PlanStatus.PENDING_APPROVAL, "submit", "only a DRAFT plan can be submitted");
        if (moves.isEmpty() && isolations.isEmpty()) {
            throw new TransitionRefused("Plan " + id + " proposes nothing; there is nothing to approve");
        }
        moveTo(PlanStatus.PENDING_APPROVAL, actor, null);
        submittedBy = actor.name();
    }

    /** Four eyes, for a plan nobody has changed since it was drafted. */
    void approve(Actor actor, boolean stale) {
        approve(actor, stale, Set.of());
    }

    /**
     * Four eyes: the approver is never someone who created, submitted or changed the plan
     * ({@code changedBy}: everyone its history names before the approval).
     */
    void approve(Actor actor, boolean stale, Set<String> changedBy) {
        require(PlanStatus.APPROVED, "approve", "only a plan pending approval can be approved");
        String name = actor.name();
        String role = name.equals(createdBy)
                ? "created"
                : name.equals(submittedBy) ? "submitted" : changedBy.contains(name) ? "changed" : null;
        if (role != null) {
            throw new TransitionRefused("Four eyes: " + actor + " " + role + " plan " + id
                    + " and cannot approve it; another engineer must");
        }
        if (stale) {
            throw new TransitionRefused("Plan " + id + " is stale: the signals changed materially since it was"
                    + " computed. Refresh it, review the new prediction, then approve");
        }
        moveTo(PlanStatus.APPROVED, actor, null);
        decidedBy = actor.name();
    }

    void reject(Actor actor, String reason) {
        require(PlanStatus.REJECTED, "reject", "only a plan pending approval can be rejected");
        if (reason.isBlank()) {
            throw new InvalidInputException("A rejection needs a reason the submitter can act on");
        }
        moveTo(PlanStatus.REJECTED, actor, reason.strip());
        decidedBy = actor.name();
        decisionReason = reason.strip();
    }

    void expire(Actor actor, String why) {
        require(PlanStatus.EXPIRED, "expire", "only a plan pending approval expires");
        moveTo(PlanStatus.EXPIRED, actor, why);
        decisionReason = "not approved in time";
    }

    /** Recomputes an open plan from current signals; a pending plan stays pending for review. */
    void refresh(Actor actor, Computation computation) {
        requireOpen("refresh", "only an open plan (DRAFT or PENDING_APPROVAL) can be refreshed");
        registerEvent(new PlanRefreshed(PlanId.of(id), actor, status));
        computedAtMinute = computation.minute();
        settings = computation.settings();
        notes = computation.notes();
        moves = new ArrayList<>(computation.moves());
        isolations = new ArrayList<>(computation.isolations());
        predictions = new LinkedHashSet<>(computation.predictions());
        evidence = new LinkedHashSet<>(computation.evidence());
        triggers = new ArrayList<>(computation.triggers());
    }

    /** The cutover engine took the approved plan over. */
    void startExecution(Actor actor) {
        require(PlanStatus.IN_PROGRESS, "start", "only an APPROVED plan can be executed");
        moveTo(PlanStatus.IN_PROGRESS, actor, "execution started");
    }

    void finishExecution(PlanStatus outcome, Actor actor, String reason) {
        if (!outcome.isFinished()) {
            throw new IllegalArgumentException("A plan finishes COMPLETED or ROLLED_BACK, not " + outcome);
        }
        require(outcome, "finish", "only a plan in progress can finish");
        moveTo(outcome, actor, reason);
    }

    /** Takes a step its guard allowed, and registers it for whoever follows the plan (the audit log among them). */
    private void moveTo(PlanStatus to, Actor actor, @Nullable String reason) {
        PlanStatus from = status;
        status = to;
        registerEvent(new PlanStatusChanged(PlanId.of(id), actor, from, to, reason));
    }

    /** Guards a step to {@code to} by the table in {@link PlanStatus}. */
    private void require(PlanStatus to, String action, String why) {
        if (!status.canMoveTo(to)) {
            refuse(action, why);
        }
    }

    private void requireOpen(String action, String why) {
        if (!status.isOpen()) {
            refuse(action, why);
        }
    }

    private void refuse(String action, String why) {
        throw new TransitionRefused("Cannot " + action + " plan " + id + " while it is " + status + ": " + why);
    }

    // ---- reads -------------------------------------------------------------------------------

    /** The events registered since the plan was loaded (published when it is saved). */
    List<Object> events() {
        return List.copyOf(domainEvents());
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    void markPersisted() {
        isNew = false;
    }

    String region() {
        return region;
    }

    PlanStatus status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }

    List<PlanEvidence> evidence() {
        return List.copyOf(evidence);
    }

    PlanDetails toView(boolean stale) {
        return new PlanDetails(
                id,
                region,
                status,
                List.of(sourceStamps.isEmpty() ? new String[0] : sourceStamps.split(",")),
                createdBy,
                createdAt,
                computedAtMinute,
                submittedBy,
                decidedBy,
                decisionReason,
                settings,
                notes,
                List.copyOf(moves),
                List.copyOf(isolations),
                predictions.stream()
                        .sorted((a, b) -> (a.stamp() + a.pool()).compareTo(b.stamp() + b.pool()))
                        .toList(),
                evidence.stream()
                        .sorted((a, b) -> (a.stamp() + a.pool()).compareTo(b.stamp() + b.pool()))
                        .toList(),
                List.copyOf(triggers),
                stale);
    }
}
