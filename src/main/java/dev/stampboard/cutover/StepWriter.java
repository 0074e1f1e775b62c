package dev.stampboard.cutover;

import dev.stampboard.base.Actor;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How one executor instance stores its steps: the state change, the journal line and the events (the audit entry
 * among them) of a step in one transaction, every write conditional on the version it read. A write that finds the row
 * changed throws {@link ConcurrentChange}; the pass stops and the next one reads again.
 */
final class StepWriter {

    private final ExecutionStore store;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExecutorLease lease;

    StepWriter(
            ExecutionStore store,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            Clock clock,
            ExecutorLease lease) {
        this.store = store;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.lease = lease;
    }

    /** This instance's name in the step journal and the lease. */
    String executorId() {
        return lease.owner();
    }

    /** The executor as the actor of its steps: the system, under this instance's name. */
    Actor actor() {
        return Actor.system(executorId());
    }

    Instant now() {
        return clock.instant();
    }

    /** One step: the state change, the journal line, its events (the audit entry among them) in one transaction. */
    void write(MoveRun m, @Nullable String step, Runnable change, @Nullable String auditAction) {
        tx.executeWithoutResult(status -> {
            MoveState from = m.state();
            change.run();
            save(m);
            if (step != null && !store.journal(m.planId, m.seq, step, now(), executorId(), m.describe())) {
                throw new ConcurrentChange();
            }
            if (m.state() != from) {
                events.publishEvent(new MoveStateChanged(m.planId, m.seq, m.registry(), from, m.state()));
            }
            if (auditAction != null) {
                events.publishEvent(new MoveStepTaken(m.planId, actor(), auditAction, m.describe()));
            }
        });
    }

    /** Shows a note on the move's monitor (stored once); never progress, so it returns false. */
    boolean note(MoveRun m, String note) {
        if (!note.equals(m.note)) {
            write(m, null, () -> m.note = note, null);
        }
        return false;
    }

    /** Pauses the run with a reason for the operator, in one transaction with its event. */
    void pause(PlanRun run, String reason) {
        tx.executeWithoutResult(status -> {
            run.pause(reason);
            saveRun(run);
            events.publishEvent(new RunStatusChanged(run.planId, actor(), run.status(), reasonOf(run)));
        });
    }

    void save(MoveRun m) {
        if (!store.update(m)) {
            throw new ConcurrentChange();
        }
    }

    void saveRun(PlanRun run) {
        if (!store.update(run)) {
            throw new ConcurrentChange();
        }
    }

    static String reasonOf(PlanRun run) {
        return run.reason() == null ? "" : run.reason();
    }

    /** Another instance or a user action changed the row first; this pass stops and the next one re-reads. */
    static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super("changed concurrently", null, false, false);
        }
    }
}
