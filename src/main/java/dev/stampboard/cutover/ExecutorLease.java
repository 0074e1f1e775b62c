package dev.stampboard.cutover;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lease in the shared database so that, of several console instances, exactly one executes
 * cutover steps. Acquiring is one conditional UPDATE (the database serialises competing instances):
 * it succeeds for the current holder (renewal) or when the lease has expired. Wall-clock time, not
 * the simulated clock: instances must agree on it.
 */
public final class ExecutorLease {

    private final JdbcClient jdbc;
    private final String name;
    private final String owner;
    private final Duration ttl;

    public ExecutorLease(JdbcClient jdbc, String name, String owner, Duration ttl) {
        this.jdbc = jdbc;
        this.name = name;
        this.owner = owner;
        this.ttl = ttl;
    }

    /** Takes or renews the lease; true when this instance holds it until {@code now + ttl}. */
    public boolean tryAcquire(Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        OffsetDateTime until = OffsetDateTime.ofInstant(now.plus(ttl), ZoneOffset.UTC);
        int updated = jdbc.sql("update executor_lease set owner = ?, expires_at = ? "
                        + "where name = ? and (owner = ? or expires_at < ?)")
                .params(owner, until, name, owner, at)
                .update();
        if (updated == 1) {
            return true;
        }
        try {
            return jdbc.sql("insert into executor_lease (name, owner, expires_at) values (?, ?, ?)")
                            .params(name, owner, until)
                            .update()
                    == 1;
        } catch (DuplicateKeyException held) {
            return false; // another instance holds a lease that has not expired
        }
    }

    /** Gives the lease up at once, e.g. on shutdown, so another instance need not wait for expiry. */
    public void release() {
        jdbc.sql("delete from executor_lease where name = ? and owner = ?")
                .params(name, owner)
                .update();
    }

    public String name() {
        return name;
    }

    public String owner() {
        return owner;
    }
}
