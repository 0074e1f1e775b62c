package dev.stampboard.fleet;

import dev.stampboard.base.BusyException;
import dev.stampboard.base.NotFoundException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stamp rows locked ({@code SELECT … FOR UPDATE}) for the rest of the caller's transaction, read as committed after
 * the lock is granted. Every write that judges a stamp's status takes this lock first: a placement (it checks the
 * stamp is ACTIVE, then adds a replica row) and a status step (drain, retire: retire checks that no replica row names
 * the stamp, then writes the status). Without it, a placement that read ACTIVE could commit its replica after a drain
 * and a retirement that saw no replica: a registry homed on a RETIRED stamp, which serves nothing. With it, whichever
 * comes second waits for the first to commit and then reads its outcome (the status on PostgreSQL and H2 alike: a
 * {@code FOR UPDATE} read after a wait returns the row as the other transaction committed it). Several stamps are
 * locked in name order, so two transactions that lock overlapping stamps cannot deadlock.
 */
final class StampLocks {

    /** A stamp as read under its row lock. */
    record Locked(long id, String name, String region, StampStatus status) {}

    /** The other change is a short transaction; by then it has committed (or the next wait covers it). */
    static final int RETRY_AFTER_SECONDS = 2;

    private final JdbcClient jdbc;

    StampLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Waits for the stamp's row lock at most the database's lock timeout (H2: 2 s; PostgreSQL: its {@code
     * lock_timeout}, none by default). Past it the caller is told the stamp is busy ({@link BusyException}, 409 with
     * {@code Retry-After}) and its transaction rolls back: nothing of the change is stored, and the same request a
     * moment later finds the other change committed. H2 reports the wait as a statement timeout ({@code
     * QueryTimeoutException}, which answered 500 before), PostgreSQL as a lock not acquired; this one-row read waits
     * for nothing else.
     */
    Optional<Locked> lock(String name) {
        try {
            return jdbc.sql("select id, name, region, status from stamp where name = ? for update")
                    .param(name)
                    .query((rs, n) -> new Locked(
                            rs.getLong("id"),
                            rs.getString("name"),
                            rs.getString("region"),
                            StampStatus.valueOf(rs.getString("status"))))
                    .optional();
        } catch (QueryTimeoutException | PessimisticLockingFailureException waitedTooLong) {
            throw new BusyException(
                    "Stamp " + name + " is busy with another change (a replica placed on it, a drain or a retirement)"
                            + " that has not committed yet; nothing was changed, try again in a few seconds",
                    RETRY_AFTER_SECONDS,
                    waitedTooLong);
        }
    }

    /** The stamp's region, read without a lock: a stamp never changes region. */
    Optional<String> regionOf(String name) {
        return jdbc.sql("select region from stamp where name = ?")
                .param(name)
                .query(String.class)
                .optional();
    }

    Locked require(String name) {
        return lock(name).orElseThrow(() -> new NotFoundException("No stamp named '" + name + "'"));
    }

    /** Locks the named stamps that exist, in name order (the fixed order); unknown names are left out. */
    Map<String, Locked> lockAll(Collection<String> names) {
        Map<String, Locked> locked = new LinkedHashMap<>();
        for (String name : new TreeSet<>(names)) {
            lock(name).ifPresent(s -> locked.put(name, s));
        }
        return locked;
    }

    /** Refuses the placement of the replica on the locked stamp unless its status takes that kind of placement. */
    static void admit(Locked stamp, Placement placement, String registry, String region) {
        if (!placement.admits(stamp.status())) {
            throw new StampClosedToPlacement(
                    "Stamp " + stamp.name() + " is " + stamp.status() + ": the replica of " + registry + " in " + region
                            + " cannot be " + placement.verb() + " it ("
                            + (placement == Placement.ROLLBACK
                                    ? "a RETIRED stamp serves nothing"
                                    : "new replicas go to ACTIVE stamps only")
                            + ")",
                    stamp.name(),
                    stamp.status());
        }
    }
}
