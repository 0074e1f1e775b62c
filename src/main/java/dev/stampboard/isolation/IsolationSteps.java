package dev.stampboard.isolation;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.planning.IsolationMigrationPlans;
import dev.stampboard.security.CurrentUser;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one place a request is loaded as the signed-in user may see it and takes a step of its state
 * machine: saved together with its history row and the {@link IsolationStateChanged} event the audit
 * log records, in the caller's transaction. Shared by intake, review and progress.
 */
@Component
class IsolationSteps {

    private final IsolationRequestRepository requests;
    private final IsolationHistory history;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final Clock clock;

    IsolationSteps(
            IsolationRequestRepository requests,
            IsolationHistory history,
            ApplicationEventPublisher events,
            CurrentUser currentUser,
            Clock clock) {
        this.requests = requests;
        this.history = history;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The request, if the signed-in user may see it (a customer cannot tell another's request from a missing one). */
    IsolationRequest load(String id) {
        IsolationRequest request = requests.findById(id)
                .orElseThrow(() -> new NotFoundException("No isolation request with id '" + id + "'"));
        Optional<String> own = currentUser.restrictedToCustomer();
        if (own.isPresent() && !own.get().equals(request.customer())) {
            throw new NotFoundException("No isolation request with id '" + id + "'");
        }
        return request;
    }

    /** One step by the signed-in user. */
    IsolationRequestDetails byCurrentUser(String id, @Nullable String note, BiConsumer<IsolationRequest, Actor> step) {
        IsolationRequest request = load(id);
        Actor actor = currentUser.actor();
        IsolationState from = request.state();
        step.accept(request, actor);
        record(request, actor, from, note);
        return request.toView();
    }

    /** Saves a request that just took a step from {@code from}, with its history row and event. */
    void record(IsolationRequest request, Actor actor, IsolationState from, @Nullable String note) {
        requests.save(request);
        history.append(request.getId(), clock.instant(), actor, from, request.state(), note);
        events.publishEvent(new IsolationStateChanged(request.getId(), actor, from, request.state(), note));
    }

    /** Saves a newly filed request with its first history row (its {@link IsolationRequested} event is the caller's). */
    void recordFiled(IsolationRequest request, Actor actor, String note) {
        requests.save(request);
        history.append(request.getId(), clock.instant(), actor, null, request.state(), note);
    }

    /** One dedicated stamp per customer and region (the name the planner's isolations use too), so a second request reuses it. */
    static String dedicatedStampName(IsolationRequest r) {
        return IsolationMigrationPlans.dedicatedStampFor(r.customer(), r.region());
    }

    static String registries(int n) {
        return n + (n == 1 ? " registry" : " registries");
    }

    /** A field {@link IsolationRules} has already found present (a {@link #field} check before this). */
    static <T> T checked(@Nullable T value) {
        return java.util.Objects.requireNonNull(value, "checked by IsolationRules before use");
    }

    static void field(String name, @Nullable String problem) {
        if (problem != null) {
            throw new InvalidInputException(name + ": " + problem);
        }
    }
}
