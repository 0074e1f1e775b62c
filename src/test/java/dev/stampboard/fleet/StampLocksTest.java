package dev.stampboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stampboard.support.TestH2;
import dev.stampboard.support.TestNames;
import dev.stampboard.support.TestPostgres;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What {@link StampLocks} relies on from the database, on H2 and on PostgreSQL (production's; a schema of its own, when
 * the run is given a server): a second transaction's lock on a stamp waits for the first one's commit, and then reads
 * what it committed, both the stamp's status (a placement after a drain sees DRAINING) and the replica rows that name
 * the stamp (a retirement after a placement counts its replica). Plain JDBC, no Spring context.
 */
class StampLocksTest {

    private static final TestNames NAMES = TestNames.of(StampLocksTest.class);

    /** Long enough for an unlocked read to have answered many times over; shorter than H2's lock timeout (2 s). */
    private static final long HELD_MILLIS = 500;

    @Test
    void on_h2() throws Exception {
        waitsForTheHolderAndReadsWhatItCommitted(TestH2.migrated("stamplocks"));
    }

    @Test
    void on_postgresql() throws Exception {
        assumeTrue(TestPostgres.url().isPresent(), TestPostgres.NOT_GIVEN);
        waitsForTheHolderAndReadsWhatItCommitted(TestPostgres.migratedSchema(NAMES.prefix()));
    }

    private void waitsForTheHolderAndReadsWhatItCommitted(DataSource db) throws Exception {
        JdbcClient jdbc = JdbcClient.create(db);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        StampLocks locks = new StampLocks(jdbc);
        jdbc.sql("insert into region (name, zone_id) values ('land', 'UTC')").update();
        jdbc.sql("insert into customer (name, display_name) values ('co', 'Co')")
                .update();
        for (String stamp : List.of("s-drained", "s-placed")) {
            jdbc.sql("insert into stamp (name, region, kind, status, created_at, version)"
                            + " values (?, 'land', 'SHARED', 'ACTIVE', current_timestamp, 0)")
                    .param(stamp)
                    .update();
        }
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // a drain holds the lock: a placement waits, then reads DRAINING (and would be refused)
            Future<StampStatus> placement = holding(
                    tx,
                    locks,
                    "s-drained",
                    other,
                    () -> tx.execute(s -> locks.require("s-drained").status()),
                    () -> jdbc.sql("update stamp set status = 'DRAINING' where name = 's-drained'")
                            .update());
            assertThat(placement.get(10, TimeUnit.SECONDS)).isEqualTo(StampStatus.DRAINING);

            // a placement holds the lock: a retirement waits, then counts the replica it committed
            Future<Integer> retirement = holding(
                    tx,
                    locks,
                    "s-placed",
                    other,
                    () -> tx.execute(s -> {
                        locks.require("s-placed");
                        return jdbc.sql("select count(*) from replica where home_stamp = 's-placed'")
                                .query(Integer.class)
                                .single();
                    }),
                    () -> {
                        jdbc.sql("insert into registry (name, customer, version) values ('r.example.io', 'co', 0)")
                                .update();
                        jdbc.sql("insert into replica (registry_id, region, home_stamp) select id, 'land', 's-placed'"
                                        + " from registry where name = 'r.example.io'")
                                .update();
                    });
            assertThat(retirement.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            other.shutdownNow();
        }
    }

    /**
     * Locks {@code stamp} and writes in one transaction, starts {@code second} on the other thread, and commits only
     * after {@link #HELD_MILLIS}: the second must still be waiting then (else nothing kept the two apart).
     */
    private static <T> Future<T> holding(
            TransactionTemplate tx,
            StampLocks locks,
            String stamp,
            ExecutorService other,
            java.util.concurrent.Callable<T> second,
            Runnable write) {
        return tx.execute(s -> {
            locks.require(stamp);
            write.run();
            Future<T> waiting = other.submit(second);
            try {
                Thread.sleep(HELD_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            assertThat(waiting.isDone())
                    .as("the second transaction waits for the lock on %s", stamp)
                    .isFalse();
            return waiting;
        });
    }
}
