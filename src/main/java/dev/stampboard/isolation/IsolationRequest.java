package dev.stampboard.isolation;

import dev.stampboard.base.Actor;
import dev.stampboard.base.TransitionRefused;
import dev.stampboard.planning.PlanId;
import dev.stampboard.planning.engine.Sizing;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Aggregate root of an isolation request. The state changes only through the intention-revealing
 * transitions below, each checked against {@link IsolationState}'s table; a refused transition throws
 * {@link TransitionRefused} (409 at the API) with a reason a person can act on. Transitions take an {@link Actor} and
 * the linked plan a {@link PlanId}; the columns keep names and the plan id as text.
 */
@Table("isolation_request")
class IsolationRequest implements Persistable<String> {

    @Id
    private final String id;

    private final String customer;
    private final String region;
    private final String registries;
    private final long expectedPeakQps;
    private final double peakThroughputGbps;
    private final double dataVolumeTb;
    private final String justification;
    private final LocalDate wantedBy;
    private final String requestedBy;
    private final Instant requestedAt;
    private IsolationState state;
    private final int registryNodes;
    private final int dataproxyNodes;
    private final int storageAccounts;
    private final String sizingArithmetic;
    private @Nullable String question;
    private @Nullable String answer;
    private @Nullable String decidedBy;
    private @Nullable String decisionReason;
    private @Nullable String dedicatedStamp;
    private @Nullable String planId;

    @Version
    private @Nullable Integer version;

    @Transient
    private boolean isNew;

    @PersistenceCreator
    IsolationRequest(
            String id,
            String customer,
            String region,
            String registries,
            long expectedPeakQps,
            double peakThroughputGbps,
            double dataVolumeTb,
            String justification,
            LocalDate wantedBy,
            String requestedBy,
            Instant requestedAt,
            IsolationState state,
            int registryNodes,
            int dataproxyNodes,
            int storageAccounts,
            String sizingArithmetic,
            @Nullable String question,
            @Nullable String answer,
            @Nullable String decidedBy,
            @Nullable String decisionReason,
            @Nullable String dedicatedStamp,
            @Nullable String planId,
            @Nullable Integer version) {
        this.id = id;
        this.customer = customer;
        this.region = region;
        this.registries = registries;
        this.expectedPeakQps = expectedPeakQps;
        this.peakThroughputGbps = peakThroughputGbps;
        this.dataVolumeTb = dataVolumeTb;
        this.justification = justification;
        this.wantedBy = wantedBy;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.state = state;
        this.registryNodes = registryNodes;
        this.dataproxyNodes = dataproxyNodes;
        this.storageAccounts = storageAccounts;
        this.sizingArithmetic = sizingArithmetic;
        this.question = question;
        this.answer = answer;
        this.decidedBy = decidedBy;
        this.decisionReason = decisionReason;
        this.dedicatedStamp = dedicatedStamp;
        this.planId = planId;
        this.version = version;
    }

    /** A new, validated request as SUBMITTED, with the sizing computed when it was filed. */
    static IsolationRequest submit(
            String id,
            String customer,
            String region,
            List<String> registries,
            long qps,
            double gbps,
            double tb,
            String justification,
            LocalDate wantedBy,
            Actor requestedBy,
            Instant now,
            Sizing sizing) {
        IsolationRequest r = new IsolationRequest(
                id,
                customer,
                region,
                String.join(",", registries),
                qps,
                gbps,
                tb,
                justification.strip(),
                wantedBy,
                requestedBy.name(),
                now,
                IsolationState.SUBMITTED,
                sizing.registryNodes(),
                sizing.dataproxyNodes(),
                sizing.storageAccounts(),
                sizing.arithmetic(),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        r.isNew = true;
        return r;
    }

    // ---- transitions -------------------------------------------------------------------------

    void startReview(Actor actor) {
        requireDecider(actor, "review");
        move(IsolationState.IN_REVIEW, "start the review of");
    }

    void askForInformation(Actor actor, String question) {
        requireDecider(actor, "ask about");
        move(IsolationState.NEEDS_INFO, "ask for information on");
        this.question = question.strip();
        this.answer = null;
    }

    /** The requester's answer takes the request back into review. */
    void answer(String answer) {
        move(IsolationState.IN_REVIEW, "answer the question of");
        this.answer = answer.strip();
    }

    void approve(Actor actor, String dedicatedStamp) {
        approve(actor, dedicatedStamp, Set.of());
    }

    /** Four eyes: neither the requester nor anyone who answered on the customer's behalf ({@code answeredBy}) approves. */
    void approve(Actor actor, String dedicatedStamp, Set<String> answeredBy) {
        requireDecider(actor, "approve");
        requireNotAnswerer(actor, answeredBy, "approve");
        move(IsolationState.APPROVED, "approve");
        this.decidedBy = actor.name();
        this.dedicatedStamp = dedicatedStamp;
    }

    void reject(Actor actor, String reason) {
        requireDecider(actor, "reject");
        move(IsolationState.REJECTED, "reject");
        this.decidedBy = actor.name();
        this.decisionReason = reason.strip();
    }

    void startProvisioning() {
        move(IsolationState.PROVISIONING, "provision a stamp for");
    }

    void markReady() {
        move(IsolationState.READY, "mark ready");
    }

    void startMigration(PlanId plan) {
        move(IsolationState.MIGRATING, "start migrating");
        this.planId = plan.value();
    }

    void complete() {
        move(IsolationState.DONE, "complete");
    }

    private void requireNotAnswerer(Actor actor, Set<String> answeredBy, String action) {
        if (answeredBy.contains(actor.name())) {
            throw new TransitionRefused("You answered request " + shortId() + " on the customer's behalf and cannot "
                    + action + " it; another support engineer must");
        }
    }

    /** Nobody decides on a request they filed themselves. */
    private void requireDecider(Actor actor, String action) {
        if (actor.name().equals(requestedBy)) {
            throw new TransitionRefused("You filed request " + shortId() + " yourself and cannot " + action
                    + " it; another support engineer must");
        }
    }

    private void move(IsolationState to, String action) {
        if (!state.canMoveTo(to)) {
            throw new TransitionRefused("Cannot " + action + " request " + shortId() + " while it is " + state
                    + (state.isFinal() ? " (final)" : "; from " + state + " it can only go to " + next()));
        }
        state = to;
    }

    private String next() {
        return String.join(
                " or ",
                java.util.Arrays.stream(IsolationState.values())
                        .filter(state::canMoveTo)
                        .map(Enum::name)
                        .toList());
    }

    // ---- reads -------------------------------------------------------------------------------

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    String shortId() {
        return id.substring(0, Math.min(8, id.length()));
    }

    IsolationState state() {
        return state;
    }

    String customer() {
        return customer;
    }

    String region() {
        return region;
    }

    List<String> registries() {
        return registries.isEmpty() ? List.of() : List.of(registries.split(","));
    }

    String requestedBy() {
        return requestedBy;
    }

    @Nullable
    String dedicatedStamp() {
        return dedicatedStamp;
    }

    /** The plan that migrates the registries, once the request is MIGRATING. */
    @Nullable
    PlanId planId() {
        return planId == null ? null : PlanId.of(planId);
    }

    DedicatedSizing sizing() {
        return new DedicatedSizing(registryNodes, dataproxyNodes, storageAccounts, sizingArithmetic);
    }

    IsolationRequestDetails toView() {
        return new IsolationRequestDetails(
                id,
                customer,
                region,
                registries(),
                expectedPeakQps,
                peakThroughputGbps,
                dataVolumeTb,
                justification,
                wantedBy,
                requestedBy,
                requestedAt,
                state,
                sizing(),
                question,
                answer,
                decidedBy,
                decisionReason,
                dedicatedStamp,
                planId);
    }
}
