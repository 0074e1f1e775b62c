package dev.stampboard.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.support.TestH2;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two "instances" (separate connections) on one database: exactly one holds the lease at a time. */
class ExecutorLeaseTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private JdbcClient a;
    private JdbcClient b;

    @BeforeEach
    void database() {
        DataSource db = TestH2.migrated("lease");
        a = JdbcClient.create(db);
        b = JdbcClient.create(db);
    }

    @Test
    void one_holder_at_a_time_renewal_and_takeover_after_expiry() {
        ExecutorLease one = new ExecutorLease(a, "cutover", "instance-1", Duration.ofSeconds(30));
        ExecutorLease two = new ExecutorLease(b, "cutover", "instance-2", Duration.ofSeconds(30));
        assertThat(one.tryAcquire(T0)).isTrue();
        assertThat(two.tryAcquire(T0.plusSeconds(1))).isFalse();
        assertThat(one.tryAcquire(T0.plusSeconds(20))).as("renewal").isTrue();
        assertThat(two.tryAcquire(T0.plusSeconds(45)))
                .as("still held after renewal")
                .isFalse();
        assertThat(two.tryAcquire(T0.plusSeconds(51))).as("expired: taken over").isTrue();
        assertThat(one.tryAcquire(T0.plusSeconds(52))).isFalse();
        two.release();
        assertThat(one.tryAcquire(T0.plusSeconds(53)))
                .as("released: free at once")
                .isTrue();
    }

    @Test
    void racing_instances_never_both_win() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 50; round++) {
                String name = "race-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (JdbcClient db : new JdbcClient[] {a, b}) {
                    ExecutorLease lease =
                            new ExecutorLease(db, name, db == a ? "instance-1" : "instance-2", Duration.ofSeconds(30));
                    results.add(pool.submit(() -> {
                        start.await();
                        return lease.tryAcquire(T0);
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> r : results) {
                    winners += r.get(10, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
