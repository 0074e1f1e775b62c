package dev.stampboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.support.TestH2;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 18: on a database several console instances share, the elected instance generates each simulated minute and
 * stores it with its claim ({@link StoredMinuteMark}); the others follow the stored minutes ({@link SharedMinutes}).
 * Played on H2 through the project's migrations, each "instance" storing one CPU row per minute it generates, named
 * after itself: every minute must be stored exactly once, with no gap, across a take-over and two instances that both
 * believe themselves elected, and an instance that is not elected never generates.
 */
class SharedMinutesTest {

    private static final long START = 29_000_000L;

    private DataSource db;
    private JdbcClient jdbc;

    @BeforeEach
    void database() {
        db = TestH2.migrated("shared-minutes", ";LOCK_TIMEOUT=20000");
        jdbc = JdbcClient.create(db);
        jdbc.sql("insert into simulator_state (id, sim_minute, seed) values (1, ?, 7)")
                .param(START)
                .update();
    }

    /** One console instance: its clock, whether it holds the lease, what it generated and what it followed. */
    private final class Console implements SharedMinutes.Instance {

        final String name;
        volatile boolean elected;
        long clock = START;
        final List<Long> generated = Collections.synchronizedList(new ArrayList<>());
        final List<Long> followed = Collections.synchronizedList(new ArrayList<>());
        private final StoredMinuteMark mark = new StoredMinuteMark(jdbc);
        private final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(db));

        Console(String name, boolean elected) {
            this.name = name;
            this.elected = elected;
        }

        @Override
        public long clockMinute() {
            return clock;
        }

        @Override
        public long storedThrough() {
            return mark.storedThrough();
        }

        @Override
        public boolean elected() {
            return elected;
        }

        @Override
        public void follow(long minute) {
            clock = minute;
            followed.add(minute);
        }

        @Override
        public boolean generate(long minute) {
            clock = minute;
            Boolean claimed = transactions.execute(status -> {
                if (!mark.claim(minute)) {
                    return false;
                }
                jdbc.sql(
                                "insert into node_cpu_sample (stamp, pool, node, minute_at, cpu) values ('s', 'REGISTRY', ?, ?, 50)")
                        .params(name, Timestamp.from(Instant.ofEpochSecond(minute * 60)))
                        .update();
                return true;
            });
            if (Boolean.TRUE.equals(claimed)) {
                generated.add(minute);
                return true;
            }
            followed.add(minute);
            return false;
        }
    }

    /** The minutes stored, one entry per row (a minute stored twice appears twice), in order. */
    private List<Long> storedMinutes() {
        return jdbc.sql("select minute_at from node_cpu_sample order by minute_at")
                .query((rs, n) -> rs.getTimestamp(1).toInstant().getEpochSecond() / 60)
                .list();
    }

    private List<Long> storedBy(String console) {
        return jdbc.sql("select minute_at from node_cpu_sample where node = ? order by minute_at")
                .param(console)
                .query((rs, n) -> rs.getTimestamp(1).toInstant().getEpochSecond() / 60)
                .list();
    }

    private static List<Long> minutes(long fromInclusive, long toInclusive) {
        return LongStream.rangeClosed(fromInclusive, toInclusive).boxed().toList();
    }

    @Test
    void the_elected_instance_generates_the_other_follows_and_takes_over_after_the_last_stored_minute() {
        Console a = new Console("a", true);
        Console b = new Console("b", false);

        assertThat(SharedMinutes.catchUp(a, START + 40)).isTrue();
        // the stored clock says START + 60 (an advance on A, which stopped after storing 40 of its minutes)
        assertThat(SharedMinutes.catchUp(b, START + 60))
                .as("B is not elected: it stops after the last stored minute")
                .isFalse();
        assertThat(b.clock).isEqualTo(START + 40);
        assertThat(b.generated).isEmpty();
        assertThat(b.followed).isEqualTo(minutes(START + 1, START + 40));

        // A is gone; B takes the lease and continues the world from the stored minute on
        b.elected = true;
        assertThat(SharedMinutes.catchUp(b, START + 60)).isTrue();

        assertThat(storedMinutes()).as("each minute once, no gap").isEqualTo(minutes(START + 1, START + 60));
        assertThat(storedBy("a")).isEqualTo(minutes(START + 1, START + 40));
        assertThat(storedBy("b")).isEqualTo(minutes(START + 41, START + 60));

        // an instance started later, not elected, follows all of it and generates nothing
        Console c = new Console("c", false);
        assertThat(SharedMinutes.catchUp(c, START + 80)).isFalse();
        assertThat(c.followed).isEqualTo(minutes(START + 1, START + 60));
        assertThat(c.generated).isEmpty();
    }

    @Test
    void two_instances_that_both_believe_themselves_elected_store_each_minute_once() throws Exception {
        for (int round = 0; round < 5; round++) {
            jdbc.sql("delete from node_cpu_sample").update();
            jdbc.sql("update simulator_state set stored_minute = null").update();
            Console a = new Console("a", true);
            Console b = new Console("b", true);
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<Boolean> ofA = CompletableFuture.supplyAsync(() -> {
                await(together);
                return SharedMinutes.catchUp(a, START + 200);
            });
            CompletableFuture<Boolean> ofB = CompletableFuture.supplyAsync(() -> {
                await(together);
                return SharedMinutes.catchUp(b, START + 200);
            });
            assertThat(ofA.get()).isTrue();
            assertThat(ofB.get()).isTrue();

            assertThat(storedMinutes()).as("each minute once, no gap").isEqualTo(minutes(START + 1, START + 200));
            Set<Long> both = new HashSet<>(a.generated);
            both.retainAll(b.generated);
            assertThat(both).as("no minute generated by both").isEmpty();
            for (Console console : List.of(a, b)) {
                List<Long> seen = new ArrayList<>(console.generated);
                seen.addAll(console.followed);
                Collections.sort(seen);
                assertThat(seen)
                        .as("%s passed every minute once", console.name)
                        .isEqualTo(minutes(START + 1, START + 200));
            }
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
