package dev.stampboard.capacity.change;

import dev.stampboard.base.Actor;
import dev.stampboard.base.SingleInstanceJobs;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolCapacity;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.engine.AlertSubject;
import dev.stampboard.signals.engine.HotNodeSeries;
import dev.stampboard.signals.engine.MinuteRange;
import dev.stampboard.signals.engine.NearestRank;
import dev.stampboard.signals.engine.ReactiveAlert;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs started capacity changes, like the cutover executor runs moves: APPLYING → resize the pool through
 * {@link PoolCapacity} → VALIDATING for 24 h (hot-node P95 since the change at or below target, no reactive
 * trigger on the stamp or its registries) → COMPLETED, or reverted (REVERTING → the old size → REVERTED).
 * <p>
 * Durability: the intent of each step is stored before it acts (a person's start stores APPLYING, a failed
 * validation or a rollback stores REVERTING), and the action — setting a pool to an absolute size — is
 * idempotent, so a step found half-done after a crash is simply done again and nothing doubles. The step that
 * records an action's result is journalled under a unique key and conditional on the version read. Only the
 * instance holding the {@code capacity-change} job lease runs ({@link SingleInstanceJobs}, the cutover's leases).
 */
@Component
public class CapacityChangeExecutor {

    static final String JOB = "capacity-change";
    private static final Logger log = LoggerFactory.getLogger(CapacityChangeExecutor.class);
    private static final int MAX_STEPS_PER_PASS = 10;

    private final CapacityChangeStore store;
    private final ObjectProvider<PoolCapacity> capacity;
    private final ObjectProvider<SingleInstanceJobs> jobs;
    private final SignalsService signals;
    private final FleetService fleet;
    private final CapacityChangeService service;
    private final CapacityChangeProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Actor actor = Actor.system("capacity-executor");
    private volatile Hook hook = Hook.NONE;

    CapacityChangeExecutor(
            CapacityChangeStore store,
            ObjectProvider<PoolCapacity> capacity,
            ObjectProvider<SingleInstanceJobs> jobs,
            SignalsService signals,
            FleetService fleet,
            CapacityChangeService service,
            CapacityChangeProperties properties,
            ApplicationEventPublisher events,
            Clock clock,
            TransactionTemplate tx) {
        this.store = store;
        this.capacity = capacity;
        this.jobs = jobs;
        this.signals = signals;
        this.fleet = fleet;
        this.service = service;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.tx = tx;
    }

    /** Called around each outside action, after its intent is stored; the restart test throws from it. */
    @FunctionalInterface
    interface Hook {
        enum Point {
            BEFORE_APPLY,
            AFTER_APPLY,
            BEFORE_REVERT
        }

        void at(Point point, String changeId);

        Hook NONE = (point, id) -> {};
    }

    void setHook(Hook hook) {
        this.hook = hook;
    }

    /** One pass over every active change, on the lease holder only; false when another instance holds it. */
    public synchronized boolean runOnce() {
        SingleInstanceJobs single = jobs.getIfAvailable();
        if (single != null && !single.holdsLease(JOB)) {
            return false;
        }
        for (CapacityChange c : store.active()) {
            try {
                advance(c.id);
            } catch (ConcurrentChange e) {
                log.debug("Capacity change {} changed under the executor; the next pass reads it again", c.id);
            } catch (RuntimeException e) {
                log.warn("Capacity change {} failed a step; the next pass tries again", c.id, e);
            }
        }
        return true;
    }

    /**
     * One pass over one change only, on the lease holder only: tests that must not touch other changes, and an
     * operator's nudge. False when another instance holds the lease.
     */
    public synchronized boolean runOnce(String changeId) {
        SingleInstanceJobs single = jobs.getIfAvailable();
        if (single != null && !single.holdsLease(JOB)) {
            return false;
        }
        try {
            advance(changeId);
        } catch (ConcurrentChange e) {
            log.debug("Capacity change {} changed under the executor; the next pass reads it again", changeId);
        }
        return true;
    }

    private void advance(String id) {
        for (int i = 0; i < MAX_STEPS_PER_PASS; i++) {
            CapacityChange c = store.find(id).orElseThrow();
            if (!c.state().isActive() || !step(c)) {
                return;
            }
        }
    }

    /** Takes the change's next step if one is due; false when there is nothing to do until time passes. */
    private boolean step(CapacityChange c) {
        return switch (c.state()) {
            case APPLYING -> apply(c);
            case VALIDATING -> watch(c);
            case REVERTING -> revert(c);
            default -> false;
        };
    }

    private boolean apply(CapacityChange c) {
        PoolCapacity port = capacity.getIfAvailable();
        if (port == null) {
            log.warn("Capacity change {} waits: no PoolCapacity is configured (simulator or Azure)", c.id);
            return false;
        }
        hook.at(Hook.Point.BEFORE_APPLY, c.id);
        port.setCapacity(c.stamp, c.pool, c.resize.toInstances(), c.resize.toMinimum(), actor);
        hook.at(Hook.Point.AFTER_APPLY, c.id);
        Instant now = now();
        write(c, "APPLIED", x -> x.applied(now, now.plus(properties.validationWindow())), "pool resized");
        return true;
    }

    private boolean revert(CapacityChange c) {
        PoolCapacity port = capacity.getIfAvailable();
        if (port == null) {
            return false;
        }
        hook.at(Hook.Point.BEFORE_REVERT, c.id);
        port.setCapacity(c.stamp, c.pool, c.resize.fromInstances(), c.resize.fromMinimum(), actor);
        Instant now = now();
        write(c, "REVERTED", x -> x.reverted(now), "pool back at " + c.resize.fromInstances() + " instances");
        return true;
    }

    /** Each pass looks at the minutes since the change; a failure ends the window early, otherwise it passes at its end. */
    private boolean watch(CapacityChange c) {
        Instant applied = java.util.Objects.requireNonNull(c.appliedAt);
        Instant until = java.util.Objects.requireNonNull(c.validateUntil);
        Instant now = now();
        Optional<String> reactive = reactiveTrigger(c, applied);
        Measured p95 = sinceChange(c, applied);
        double target = service.target();
        if (reactive.isPresent()) {
            String text = reactive.get() + "; " + p95.describe(target, c.predictedP95);
            write(c, "VERDICT", x -> x.fail(p95.value(), text, now), text);
            return true;
        }
        boolean settled = !now.isBefore(applied.plus(properties.settleTime()));
        if (settled && p95.value() != null && p95.value() > target) {
            String text = p95.describe(target, c.predictedP95);
            write(c, "VERDICT", x -> x.fail(p95.value(), text, now), text);
            return true;
        }
        if (now.isBefore(until)) {
            return false;
        }
        String text =
                p95.describe(target, c.predictedP95) + "; no reactive trigger on " + c.stamp + " or its registries";
        write(c, "VERDICT", x -> x.pass(p95.value(), text, now), text);
        return true;
    }

    /** The pool's hot-node P95 over the minutes after the change that the peak window still holds. */
    private Measured sinceChange(CapacityChange c, Instant applied) {
        MinuteRange window = signals.peakRange(c.region);
        long from = Math.max(applied.getEpochSecond() / 60 + 1, window.fromMinute());
        if (from > window.toMinute()) {
            return new Measured(null, 0);
        }
        HotNodeSeries series = signals.hotNodeSeries(c.stamp, c.pool, from, window.toMinute());
        float[] values = new float[series.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) series.values()[i];
        }
        double p95 = NearestRank.p95(values);
        return new Measured(Double.isNaN(p95) ? null : p95, values.length);
    }

    /** A reactive trigger on the stamp or one of its registries that started firing after the change was applied. */
    private Optional<String> reactiveTrigger(CapacityChange c, Instant applied) {
        long appliedMinute = applied.getEpochSecond() / 60;
        Set<AlertSubject> subjects = new HashSet<>();
        subjects.add(AlertSubject.stamp(c.stamp));
        fleet.registriesOn(c.stamp).forEach(r -> subjects.add(AlertSubject.replica(r.name(), c.region)));
        for (ReactiveAlert alert : signals.activeAlerts()) {
            if (subjects.contains(alert.subject()) && alert.sinceMinute() > appliedMinute) {
                return Optional.of("reactive trigger '" + alert.rule().name() + "' on "
                        + alert.subject().label()
                        + " since "
                        + Instant.ofEpochSecond(alert.sinceMinute() * 60));
            }
        }
        return Optional.empty();
    }

    record Measured(@Nullable Double value, int minutes) {
        String describe(double target, @Nullable Double predicted) {
            if (value == null) {
                return "no hot-node minutes since the change yet";
            }
            return String.format(
                    Locale.ROOT,
                    "hot-node P95 since the change %.1f %% %s target %.1f %% over %d minutes%s",
                    value,
                    value <= target ? "≤" : ">",
                    target,
                    minutes,
                    predicted == null
                            ? ""
                            : String.format(
                                    Locale.ROOT, " (predicted %.1f %%, error %+.1f pp)", predicted, value - predicted));
        }
    }

    /** One step: the state change, its journal line and its audit entry in one transaction, conditional on the version. */
    private void write(CapacityChange c, String step, java.util.function.Consumer<CapacityChange> change, String note) {
        tx.executeWithoutResult(s -> {
            CapacityChangeState from = c.state();
            change.accept(c);
            if (!store.update(c) || !store.journal(c.id, step, now(), actor.name(), note)) {
                throw new ConcurrentChange();
            }
            events.publishEvent(new CapacityChangeStateChanged(c.id, actor, from, c.state(), c.describe(), note));
        });
    }

    private Instant now() {
        return clock.instant();
    }

    /** Another instance or a person changed the row first; this pass stops and the next one re-reads. */
    static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super("changed concurrently", null, false, false);
        }
    }
}
