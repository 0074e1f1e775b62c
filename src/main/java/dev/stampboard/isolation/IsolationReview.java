package dev.stampboard.isolation;

import static dev.stampboard.isolation.IsolationSteps.checked;
import static dev.stampboard.isolation.IsolationSteps.dedicatedStampName;
import static dev.stampboard.isolation.IsolationSteps.field;

import dev.stampboard.base.Actor;
import dev.stampboard.base.TransitionRefused;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.planning.IsolationMigrationPlans;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.StampSignals;
import dev.stampboard.signals.engine.TrafficShare;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Review of isolation requests: the lists and details a requester or reviewer sees (a customer only its
 * own), the reviewer's context, and the review steps — start, ask, answer, reject, approve. Approval
 * hands the request to {@link IsolationProgress}, which provisions the dedicated stamp. Every entry point
 * checks the caller's role; four eyes: whoever filed or relayed an answer may not decide.
 */
@Service
public class IsolationReview {

    private final IsolationSteps steps;
    private final IsolationRequestRepository requests;
    private final IsolationHistory history;
    private final IsolationIntake intake;
    private final IsolationProgress progress;
    private final FleetService fleet;
    private final SignalsService signals;
    private final IsolationMigrationPlans migrationPlans;
    private final CurrentUser currentUser;
    private final TransactionTemplate tx;

    IsolationReview(
            IsolationSteps steps,
            IsolationRequestRepository requests,
            IsolationHistory history,
            IsolationIntake intake,
            IsolationProgress progress,
            FleetService fleet,
            SignalsService signals,
            IsolationMigrationPlans migrationPlans,
            CurrentUser currentUser,
            PlatformTransactionManager transactions) {
        this.steps = steps;
        this.requests = requests;
        this.history = history;
        this.intake = intake;
        this.progress = progress;
        this.fleet = fleet;
        this.signals = signals;
        this.migrationPlans = migrationPlans;
        this.currentUser = currentUser;
        this.tx = new TransactionTemplate(transactions);
        // approval commits on its own before the stamp is provisioned, also when called inside another transaction
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Newest first; a customer sees only its own requests. */
    @Secured({Role.Authority.VIEWER, Role.Authority.CUSTOMER})
    @Transactional(readOnly = true)
    public List<IsolationRequestDetails> list(@Nullable IsolationState state) {
        Optional<String> own = currentUser.restrictedToCustomer();
        return requests.findAllByOrderByRequestedAtDesc().stream()
                .filter(r -> own.isEmpty() || own.get().equals(r.customer()))
                .filter(r -> state == null || r.state() == state)
                .map(IsolationRequest::toView)
                .toList();
    }

    @Secured({Role.Authority.VIEWER, Role.Authority.CUSTOMER})
    @Transactional(readOnly = true)
    public IsolationRequestDetails get(String id) {
        return steps.load(id).toView();
    }

    @Secured({Role.Authority.VIEWER, Role.Authority.CUSTOMER})
    @Transactional(readOnly = true)
    public List<IsolationStateChange> history(String id) {
        steps.load(id);
        return history.of(id);
    }

    /** The reviewer's context: the customer's stamps in the region with their signals, shares, and the planner's advice. */
    @Secured(Role.Authority.VIEWER)
    public IsolationContext context(String id) {
        IsolationRequestDetails r = get(id);
        Set<String> stamps = new LinkedHashSet<>();
        fleet.registriesOf(r.customer())
                .forEach(reg -> reg.homeStamp(r.region()).ifPresent(stamps::add));
        List<StampSignals> stampSignals = stamps.stream()
                .filter(s -> fleet.stamp(s).isPresent())
                .map(signals::stampSignals)
                .toList();
        List<IsolationContext.RegistryShare> shares = new ArrayList<>();
        for (String registry : r.registries()) {
            fleet.registry(registry)
                    .flatMap(reg -> reg.homeStamp(r.region()))
                    .ifPresent(home -> shares.add(new IsolationContext.RegistryShare(
                            registry,
                            home,
                            share(home, PoolKind.REGISTRY, registry, r.region()),
                            share(home, PoolKind.DATAPROXY, registry, r.region()))));
        }
        return new IsolationContext(stampSignals, shares, migrationPlans.advise(r.region(), r.registries()));
    }

    private double share(String stamp, PoolKind pool, String registry, String region) {
        return signals.trafficShare(stamp, pool).stream()
                .filter(s -> s.registry().equals(registry) && s.region().equals(region))
                .mapToDouble(TrafficShare::share)
                .findFirst()
                .orElse(0);
    }

    /** Whether the signed-in user may decide on this request (support or admin, and not its requester). */
    public boolean mayDecide(IsolationRequestDetails request) {
        return (currentUser.has(Role.SUPPORT) || currentUser.has(Role.ADMIN))
                && !currentUser.name().equals(request.requestedBy())
                && !answeredOnBehalf(request.id()).contains(currentUser.name());
    }

    @Secured({Role.Authority.SUPPORT, Role.Authority.ADMIN})
    @Transactional
    public IsolationRequestDetails startReview(String id) {
        return transition(id, null, (r, actor) -> r.startReview(actor));
    }

    @Secured({Role.Authority.SUPPORT, Role.Authority.ADMIN})
    @Transactional
    public IsolationRequestDetails askForInformation(String id, @Nullable String question) {
        field("question", IsolationRules.text(question, "A question for the requester"));
        String asked = checked(question);
        return transition(id, asked, (r, actor) -> r.askForInformation(actor, asked));
    }

    /** The requester (the customer, or support relaying the customer's answer) answers the open question. */
    @Secured({Role.Authority.SUPPORT, Role.Authority.ADMIN, Role.Authority.CUSTOMER})
    @Transactional
    public IsolationRequestDetails answer(String id, @Nullable String answer) {
        field("answer", IsolationRules.text(answer, "The answer"));
        String answered = checked(answer);
        return transition(id, answered, (r, actor) -> r.answer(answered));
    }

    @Secured({Role.Authority.SUPPORT, Role.Authority.ADMIN})
    @Transactional
    public IsolationRequestDetails reject(String id, @Nullable String reason) {
        field("reason", IsolationRules.text(reason, "A reason the requester can act on"));
        String why = checked(reason);
        return transition(id, why, (r, actor) -> r.reject(actor, why));
    }

    /** Approves, then provisions the dedicated stamp right away (retried by the progress check if it fails). */
    @Secured({Role.Authority.SUPPORT, Role.Authority.ADMIN})
    public IsolationRequestDetails approve(String id) {
        tx.executeWithoutResult(s -> transition(id, null, (r, actor) -> {
            String isolated = intake.alreadyIsolated(r.customer(), r.region(), r.registries());
            if (isolated != null
                    && migrationPlans
                                    .alreadyOn(r.region(), r.registries(), dedicatedStampName(r))
                                    .size()
                            == r.registries().size()) {
                throw new IllegalStateException("Cannot approve: " + isolated + ". Reject the request instead.");
            }
            String stamp = dedicatedStampName(r);
            fleet.stamp(stamp)
                    .map(StampInfo::status)
                    .filter(status -> status == StampStatus.DRAINING || status == StampStatus.RETIRED)
                    .ifPresent(status -> {
                        // the customer's dedicated stamp in a region has one name, and a closing stamp takes no new
                        // replicas (fleet.Placement): approving would wait for it to become ACTIVE for ever
                        throw new TransitionRefused("Cannot approve: the customer's dedicated stamp " + stamp + " in "
                                + r.region() + " is " + status + " and takes no new replicas. Reject the request");
                    });
            r.approve(actor, stamp, answeredOnBehalf(id));
        }));
        progress.progress(id);
        return get(id);
    }

    /** Staff who relayed an answer for the customer (the customer itself may never decide anyway), by name. */
    private Set<String> answeredOnBehalf(String id) {
        return history.of(id).stream()
                .filter(c -> c.from() == IsolationState.NEEDS_INFO && c.to() == IsolationState.IN_REVIEW)
                .map(c -> c.actor().name())
                .collect(java.util.stream.Collectors.toSet());
    }

    private IsolationRequestDetails transition(
            String id, @Nullable String note, BiConsumer<IsolationRequest, Actor> step) {
        return steps.byCurrentUser(id, note, step);
    }
}
