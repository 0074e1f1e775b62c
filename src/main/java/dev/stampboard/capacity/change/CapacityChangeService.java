package dev.stampboard.capacity.change;

import dev.stampboard.base.Actor;
import dev.stampboard.base.ConflictException;
import dev.stampboard.base.InputLimits;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.calibration.CalibrationService;
import dev.stampboard.capacity.engine.PoolWindow;
import dev.stampboard.capacity.engine.ScaleModel;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolInfo;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import dev.stampboard.signals.SignalsService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What people do with capacity changes (issue 17 item 4) and what everyone may read: an engineer proposes,
 * another engineer approves (four eyes) or rejects, an engineer starts and may roll back. Starting only stores
 * the intent; the {@link CapacityChangeExecutor} resizes the pool, watches it and reverts it. Every step is
 * audited through {@link CapacityChangeStateChanged}; a step that lost a race answers 409 naming the winner.
 */
@Service
@EnableConfigurationProperties(CapacityChangeProperties.class)
public class CapacityChangeService {

    private final CapacityChangeStore store;
    private final FleetService fleet;
    private final SignalsService signals;
    private final CalibrationService calibration;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final double baselineRegistry;
    private final double baselineDataproxy;
    private final CapacityChangeProperties properties;

    CapacityChangeService(
            CapacityChangeStore store,
            FleetService fleet,
            SignalsService signals,
            CalibrationService calibration,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock,
            TransactionTemplate tx,
            CapacityChangeProperties properties,
            @Value("${stampboard.planning.idle-baseline-registry:7}") double baselineRegistry,
            @Value("${stampboard.planning.idle-baseline-dataproxy:6}") double baselineDataproxy) {
        this.store = store;
        this.fleet = fleet;
        this.signals = signals;
        this.calibration = calibration;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.tx = tx;
        this.properties = properties;
        this.baselineRegistry = baselineRegistry;
        this.baselineDataproxy = baselineDataproxy;
    }

    // ---- reads -------------------------------------------------------------------------------

    @Secured(Role.Authority.VIEWER)
    public CapacityChangeDetails get(String id) {
        return require(id).toDetails();
    }

    @Secured(Role.Authority.VIEWER)
    public List<CapacityChangeDetails> list() {
        return store.all().stream().map(CapacityChange::toDetails).toList();
    }

    /**
     * When the pool was last resized by a capacity change (applied, or reverted back), for the capacity model's level
     * shifts: figures only, no person's name, so callable without a role.
     */
    public Optional<Instant> lastResize(String stamp, PoolKind pool) {
        Instant last = null;
        for (CapacityChange c : store.all()) {
            if (!c.stamp.equals(stamp) || c.pool != pool) {
                continue;
            }
            Instant at = c.state() == CapacityChangeState.REVERTED ? c.stateSince() : c.appliedAt;
            if (at != null && (last == null || at.isAfter(last))) {
                last = at;
            }
        }
        return Optional.ofNullable(last);
    }

    /** The changes that passed validation and stand (COMPLETED, not rolled back since): realised savings. */
    @Secured(Role.Authority.VIEWER)
    public List<CapacityChangeDetails> completed() {
        return store.all().stream()
                .filter(c -> c.state() == CapacityChangeState.COMPLETED)
                .map(CapacityChange::toDetails)
                .toList();
    }

    @Secured(Role.Authority.VIEWER)
    public List<ChangeStep> steps(String id) {
        require(id);
        return store.steps(id);
    }

    /** Whether the signed-in user may approve or reject this change now (an engineer, not its proposer). */
    public boolean mayDecide(CapacityChangeDetails change) {
        return currentUser.has(Role.ENGINEER)
                && change.state() == CapacityChangeState.PROPOSED
                && !currentUser.name().equals(change.proposedBy());
    }

    public boolean isEngineer() {
        return currentUser.has(Role.ENGINEER);
    }

    /** The pool's target: the hot threshold minus the margin (the planner's and the validation's). */
    public double target() {
        return signals.settings().hotThreshold() - properties.marginPp();
    }

    // ---- the workflow ------------------------------------------------------------------------

    /** An engineer proposes a change of a pool's size (optionally from a recommendation). */
    @Secured(Role.Authority.ENGINEER)
    public CapacityChangeDetails propose(NewCapacityChange request) {
        Actor actor = currentUser.actor();
        ChangeOrigin origin = request.recommendation() == null ? ChangeOrigin.ENGINEER : ChangeOrigin.RECOMMENDATION;
        return tx.execute(s -> insert(request, origin, null, actor).toDetails());
    }

    @Secured(Role.Authority.ENGINEER)
    public CapacityChangeDetails approve(String id) {
        Actor by = currentUser.actor();
        return transition(id, by, c -> c.approve(by, now()), null);
    }

    @Secured(Role.Authority.ENGINEER)
    public CapacityChangeDetails reject(String id, @Nullable String reason) {
        String why = text(reason, "reason", "A reason the proposer can act on");
        Actor by = currentUser.actor();
        return transition(id, by, c -> c.reject(by, why, now()), why);
    }

    /** Stores the intent to apply; the executor resizes the pool on its next pass (store the step, then act). */
    @Secured(Role.Authority.ENGINEER)
    public CapacityChangeDetails start(String id) {
        Actor by = currentUser.actor();
        return transition(id, by, c -> c.start(by, now()), null);
    }

    /** The pool goes back to its size before the change; the executor acts on the next pass. */
    @Secured(Role.Authority.ENGINEER)
    public CapacityChangeDetails rollback(String id, @Nullable String reason) {
        String why = text(reason, "reason", "A reason for the rollback");
        Actor by = currentUser.actor();
        return transition(id, by, c -> c.rollBack(by, why, now()), why);
    }

    /**
     * A dedicated stamp grows for a second isolation request (issue 17 item 5), through the same workflow: proposed
     * on the requester's behalf, approved by the request's decider (the request's own four eyes: a requester never
     * decides their request), started by the console. Once per request and pool: a redelivered event changes nothing.
     */
    void growForIsolation(
            String requestId,
            String stamp,
            PoolKind pool,
            int toInstances,
            String reason,
            Actor requestedBy,
            Actor approvedBy) {
        tx.executeWithoutResult(s -> {
            StampInfo info = fleet.requireStamp(stamp);
            PoolInfo current = pool(info, pool);
            if (current.currentInstances() >= toInstances) {
                return; // already at least that big: nothing to grow
            }
            NewCapacityChange request = new NewCapacityChange(
                    stamp, pool, toInstances, Math.max(current.minInstances(), toInstances), reason, null, null);
            CapacityChange c = insert(request, ChangeOrigin.ISOLATION, "isolation:" + requestId, requestedBy);
            if (c.state() != CapacityChangeState.PROPOSED) {
                return;
            }
            step(c, approvedBy, x -> x.approve(approvedBy, now()), "approved with isolation request " + requestId);
            CapacityChange approved = store.find(c.id).orElseThrow();
            step(
                    approved,
                    Actor.SYSTEM,
                    x -> x.start(Actor.SYSTEM, now()),
                    "started with isolation request " + requestId);
        });
    }

    // ---- helpers -----------------------------------------------------------------------------

    private CapacityChange insert(NewCapacityChange r, ChangeOrigin origin, @Nullable String originRef, Actor actor) {
        String why = text(r.reason(), "reason", "A reason");
        StampInfo stamp = fleet.stamp(r.stamp())
                .orElseThrow(() -> new InvalidInputException("stamp: no stamp named '" + r.stamp() + "'"));
        PoolInfo pool = pool(stamp, r.pool());
        int toMinimum = r.toMinimum() == null ? r.toInstances() : r.toMinimum();
        Resize.checkSize(r.toInstances(), toMinimum);
        if (r.predictedP95() != null && !(r.predictedP95() >= 0 && r.predictedP95() <= 100)) {
            throw new InvalidInputException("predictedP95 must be between 0 and 100, not " + r.predictedP95());
        }
        if (r.recommendation() != null && r.recommendation().length() > 256) {
            throw new InvalidInputException("recommendation: at most 256 characters");
        }
        if (originRef != null) {
            List<CapacityChange> asked = store.byOrigin(originRef);
            var same = asked.stream().filter(c -> c.pool == r.pool()).findFirst();
            if (same.isPresent()) {
                return same.get();
            }
        }
        List<CapacityChange> open = store.openOn(stamp.name(), r.pool());
        if (!open.isEmpty()) {
            CapacityChange other = open.get(0);
            throw new ConflictException("The " + r.pool() + " pool of " + stamp.name() + " already has an open capacity"
                    + " change (" + other.shortId() + ", " + other.state() + ", proposed by " + other.proposedBy
                    + "): finish, reject or roll it back first");
        }
        OptionalDouble before = signals.hotNodeP95(stamp.name(), r.pool());
        Double predicted =
                r.predictedP95() != null ? r.predictedP95() : predict(stamp.name(), r.pool(), pool, r.toInstances());
        CapacityChange c = CapacityChange.propose(
                UUID.randomUUID().toString(),
                stamp.name(),
                stamp.region(),
                r.pool(),
                new Resize(pool.currentInstances(), pool.minInstances(), r.toInstances(), toMinimum),
                why,
                origin,
                originRef,
                actor.name(),
                predicted,
                before.isPresent() ? before.getAsDouble() : null,
                now());
        c.recommendation = r.recommendation();
        if (!store.insert(c)) {
            throw new ConflictException("This change was proposed a moment ago");
        }
        events.publishEvent(new CapacityChangeStateChanged(
                c.id,
                actor,
                null,
                CapacityChangeState.PROPOSED,
                c.describe(),
                why
                        + (predicted == null
                                ? ""
                                : String.format(
                                        java.util.Locale.ROOT, "; predicted hot-node P95 %.1f %%", predicted))));
        return c;
    }

    /**
     * The capacity model's prediction at the new size over the current peak window ({@link ScaleModel}: the same load
     * over the new node count, with the calibrated idle baseline), null without data.
     */
    private @Nullable Double predict(String stamp, PoolKind kind, PoolInfo pool, int toInstances) {
        if (pool.currentInstances() < 1) {
            return null;
        }
        double b = calibration
                .forPlanner()
                .baseline(stamp, kind, kind == PoolKind.REGISTRY ? baselineRegistry : baselineDataproxy);
        double p95 = ScaleModel.predictedP95(
                new PoolWindow(
                        stamp,
                        kind,
                        pool.currentInstances(),
                        pool.minInstances(),
                        b,
                        signals.hotNodeMinutes(
                                stamp,
                                kind,
                                signals.peakRange(fleet.requireStamp(stamp).region()))),
                toInstances,
                0);
        return Double.isNaN(p95) ? null : p95;
    }

    private CapacityChangeDetails transition(
            String id, Actor actor, Consumer<CapacityChange> change, @Nullable String note) {
        return tx.execute(s -> {
            CapacityChange c = require(id);
            step(c, actor, change, note);
            return store.find(id).orElseThrow().toDetails();
        });
    }

    /** One transition: the state change and its audit entry in the caller's transaction; 409 when it lost a race. */
    private void step(CapacityChange c, Actor actor, Consumer<CapacityChange> change, @Nullable String note) {
        CapacityChangeState from = c.state();
        change.accept(c);
        if (!store.update(c)) {
            CapacityChange now = store.find(c.id).orElseThrow();
            throw new ConflictException("Capacity change " + c.shortId() + " changed a moment ago (it is now "
                    + now.state() + (now.decidedBy == null ? "" : ", decided by " + now.decidedBy) + "); look again");
        }
        if (c.state() == CapacityChangeState.APPLYING) {
            store.journal(c.id, "START", now(), actor.name(), c.describe());
        } else if (c.state() == CapacityChangeState.REVERTING) {
            store.journal(c.id, "ROLLBACK", now(), actor.name(), note);
        }
        events.publishEvent(new CapacityChangeStateChanged(c.id, actor, from, c.state(), c.describe(), note));
    }

    private CapacityChange require(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("No capacity change " + id));
    }

    private static PoolInfo pool(StampInfo stamp, PoolKind kind) {
        return stamp.pool(kind)
                .orElseThrow(
                        () -> new InvalidInputException("pool: stamp " + stamp.name() + " has no " + kind + " pool"));
    }

    private static String text(@Nullable String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + ": " + what + " is required");
        }
        if (value.length() > InputLimits.TEXT) {
            throw new InvalidInputException(field + ": at most " + InputLimits.TEXT + " characters");
        }
        return value.strip();
    }

    private Instant now() {
        return clock.instant();
    }
}
