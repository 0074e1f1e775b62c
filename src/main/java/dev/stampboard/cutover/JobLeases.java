package dev.stampboard.cutover;

import dev.stampboard.base.SingleInstanceJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One {@link ExecutorLease} per periodic job, held under the same owner name as this instance's
 * cutover lease; on wall-clock time like the executor's, since instances must agree on it.
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

    @Override
    public boolean holdsLease(String job) {
        return leases.computeIfAbsent(job, name -> new ExecutorLease(jdbc, name, owner, ttl))
                .tryAcquire(Instant.now());
    }
}
