package dev.stampboard.cutover;

import dev.stampboard.base.SingleInstanceJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The elected instance's lease: every job that must run once among several console instances (plan expiry, isolation
 * progress, Azure polling, the simulator, telemetry pruning, and what other modules name) runs on the instance that
 * holds the one lease {@value #ELECTED}, so jobs that share in-memory state (the Azure inventory the telemetry pollers
 * read, the simulated world the executor judges) are on one instance. Held under the same owner name as this
 * instance's cutover lease; on wall-clock time like the executor's, since instances must agree on it. When the holder
 * stops renewing it, another instance takes it within the lease time.
 */
@Component
class JobLeases implements SingleInstanceJobs {

    private final JdbcClient jdbc;
    private final String owner;
    private final Duration ttl;
    private final Map<String, ExecutorLease> leases = new ConcurrentHashMap<>();

    JobLeases(JdbcClient jdbc, ExecutorLease executorLease, CutoverProperties properties) {
        this.jdbc = jdbc;
        this.owner = executorLease.owner();
        this.ttl = Duration.ofSeconds(properties.leaseSeconds());
    }

    /** The one lease of the elected instance. */
    static final String ELECTED = "elected";

    @Override
    public boolean holdsLease(String job) {
        // one lease for all jobs; renewing it at most once a second per instance, whoever asks
        ExecutorLease lease = leases.computeIfAbsent(ELECTED, name -> new ExecutorLease(jdbc, name, owner, ttl));
        long now = System.nanoTime();
        Held last = held;
        if (last != null && now - last.atNanos() < RENEW_NANOS) {
            return last.held();
        }
        boolean holds = lease.tryAcquire(Instant.now());
        held = new Held(holds, now);
        return holds;
    }

    private record Held(boolean held, long atNanos) {}

    private static final long RENEW_NANOS = 1_000_000_000L;
    private volatile @org.jspecify.annotations.Nullable Held held;

    /**
     * Takes or renews the elected lease every second, whether or not a job asks just now: jobs run every few seconds
     * or minutes, and a lease renewed only by them would lapse between runs and move between instances.
     */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 1000)
    void renew() {
        holdsLease(ELECTED);
    }

    /** Gives the elected lease up on a clean shutdown, so another instance takes over at once. */
    @jakarta.annotation.PreDestroy
    void release() {
        ExecutorLease lease = leases.get(ELECTED);
        if (lease != null) {
            lease.release();
        }
    }
}
