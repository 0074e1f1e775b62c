package dev.stampboard.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import dev.stampboard.base.SingleInstanceJobs;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.SignalFeed;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.support.TestNames;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 18: the daily-peak back-fill at start-up runs on the elected instance only; an instance elected later (the
 * first one stopped) starts it on its next minute, and it adds nothing the first one stored. Two recorders stand for
 * two console instances, each with its own answer from the elected lease.
 * <p>
 * It writes a day's pools in one batch and one transaction, newest day first: a back-fill that stops part way leaves
 * whole days up to the oldest recorded one, which the next back-fill completes. Those cases have a history of their
 * own (the table alone, in a fresh in-memory H2), so the shared context's rows are not touched; their recorders take
 * the shared context's clock.
 */
class DailyPeakBackfillOnceTest extends SpringTest {

    private static final TestNames NAMES = TestNames.of(DailyPeakBackfillOnceTest.class);
    private static final List<String> STAMPS = List.of(NAMES.stamp(1), NAMES.stamp(2));

    @Autowired
    DailyPeakHistory history;

    @Autowired
    FleetService fleet;

    @Autowired
    SignalsService signals;

    @Autowired
    SignalFeed feed;

    @Autowired
    CapacityProperties properties;

    @Test
    void only_the_elected_instance_back_fills_and_a_later_elected_one_once() {
        PastPeaks past = (from, to) -> List.of();
        AtomicBoolean aElected = new AtomicBoolean(true);
        AtomicBoolean bElected = new AtomicBoolean(false);
        DailyPeakRecorder a = recorder(past, job -> aElected.get());
        DailyPeakRecorder b = recorder(past, job -> bElected.get());

        a.startBackfill();
        b.startBackfill();
        a.awaitBackfill();
        assertThat(a.backfills()).as("the elected instance back-fills").isEqualTo(1);
        assertThat(b.backfills()).as("the other does not").isZero();

        long minute = feed.nowMinute();
        a.onMinute(minute + 1);
        b.onMinute(minute + 1);
        assertThat(a.backfills()).as("once").isEqualTo(1);
        assertThat(b.backfills()).as("still not elected").isZero();

        // the elected instance stopped: the other is elected and back-fills on its next minute, once
        aElected.set(false);
        bElected.set(true);
        long rows = history.rows();
        b.onMinute(minute + 2);
        b.awaitBackfill();
        b.onMinute(minute + 3);
        assertThat(b.backfills()).isEqualTo(1);
        assertThat(history.rows()).as("nothing stored twice").isEqualTo(rows);
        LocalDate today = a.today();
        assertThat(history.oldestDay()).as("the seed's history is back-filled").isNotNull();
        assertThat(history.oldestDay()).isBeforeOrEqualTo(today);
    }

    private DailyPeakRecorder recorder(PastPeaks past, SingleInstanceJobs jobs) {
        return recorder(history, past, jobs);
    }

    private DailyPeakRecorder recorder(DailyPeakHistory store, PastPeaks past, SingleInstanceJobs jobs) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("past", past, "jobs", jobs));
        return new DailyPeakRecorder(
                store,
                fleet,
                signals,
                feed,
                beans.getBeanProvider(PastPeaks.class),
                properties,
                beans.getBeanProvider(SingleInstanceJobs.class));
    }

    @Test
    void a_back_fill_writes_one_batch_per_day() throws Exception {
        Counting db = counting(table("batch"));
        DailyPeakRecorder recorder = recorder(history(db.source()), source(null), job -> true);

        recorder.startBackfill();
        recorder.awaitBackfill();

        int days = properties.historyDays();
        assertThat(rowsByDay(db.source()))
                .as("every day of the history, each with its four pools")
                .hasSize(days)
                .allSatisfy((day, rows) -> assertThat(rows).isEqualTo(4L));
        // one row at a time was one statement and one commit per pool and day (4 per day here)
        assertThat(db.updates().get()).as("insert statements or batches").isEqualTo(days);
    }

    @Test
    void a_back_fill_that_stops_part_way_is_completed_by_the_next_one() throws Exception {
        DataSource db = table("resume");
        LocalDate today = recorder(history(db), source(null), job -> true).today();
        LocalDate refused = today.minusDays(properties.historyDays() / 2);

        // the first back-fill stops at a row the database refuses (a stamp name longer than the column)
        DailyPeakRecorder first = recorder(history(db), source(refused), job -> true);
        first.startBackfill();
        first.awaitBackfill();
        Map<LocalDate, Long> stored = rowsByDay(db);
        assertThat(stored).as("whole days, the newest ones").isNotEmpty().allSatisfy((day, rows) -> {
            assertThat(day).isAfter(refused);
            assertThat(rows).isEqualTo(4L);
        });

        // the next start (or the next elected instance) back-fills what is missing
        DailyPeakRecorder next = recorder(history(db), source(null), job -> true);
        next.startBackfill();
        next.awaitBackfill();
        Map<LocalDate, Long> all = rowsByDay(db);
        assertThat(all).hasSize(properties.historyDays()).allSatisfy((day, rows) -> {
            assertThat(day).isBefore(today).isAfterOrEqualTo(today.minusDays(properties.historyDays()));
            assertThat(rows).isEqualTo(4L);
        });
    }

    @Test
    void a_row_another_instance_stores_meanwhile_is_kept_and_the_others_are_stored() throws Exception {
        DataSource db = table("raced");
        DailyPeakHistory history = history(db);
        LocalDate day = LocalDate.parse("2026-11-01");
        List<PastPeaks.PastPeak> rows = List.of(
                new PastPeaks.PastPeak(STAMPS.get(0), PoolKind.REGISTRY, day, 40.0, 3),
                new PastPeaks.PastPeak(STAMPS.get(0), PoolKind.DATAPROXY, day, 41.0, 3));
        try (Connection other = db.getConnection()) {
            // the other instance's row is not committed yet: the batch does not see it and waits on its key
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.executeUpdate("insert into capacity_daily_peak (stamp, pool, peak_day, p95, nodes, origin) values ('"
                        + STAMPS.get(0) + "', 'REGISTRY', date '2026-11-01', 99.0, 7, 'MEASURED')");
            }
            CompletableFuture<Integer> stored = new CompletableFuture<>();
            Thread batch = new Thread(() -> stored.complete(history.recordAll(rows, DailyPeakHistory.SIMULATED)));
            batch.start();
            // H2 retries the insert of a key another transaction holds until that one ends (the thread stays
            // runnable): the batch waits there when it is still in H2's insert a moment after it got there
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!inInsert(batch) && batch.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(200);
            assertThat(inInsert(batch))
                    .as("the batch waits for the other's key")
                    .isTrue();
            other.commit();
            batch.join(TimeUnit.SECONDS.toMillis(20));
            assertThat(stored).as("the batch did not throw").isDone();
            assertThat(stored.get()).as("the row no one had").isEqualTo(1);
        }
        assertThat(JdbcClient.create(db)
                        .sql("select pool || ' ' || p95 || ' ' || origin from capacity_daily_peak order by pool")
                        .query(String.class)
                        .list())
                .containsExactly("DATAPROXY 41.0 SIMULATED", "REGISTRY 99.0 MEASURED");
    }

    private static boolean inInsert(Thread thread) {
        return java.util.Arrays.stream(thread.getStackTrace())
                .anyMatch(f -> f.getClassName().equals("org.h2.command.dml.Insert"));
    }

    /**
     * Two stamps' pools for each day asked for; on {@code refused}, a third row between them whose stamp name the
     * column cannot hold.
     */
    private PastPeaks source(@org.jspecify.annotations.Nullable LocalDate refused) {
        return (from, to) -> {
            List<PastPeaks.PastPeak> out = new ArrayList<>();
            for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
                for (String stamp : STAMPS) {
                    for (PoolKind pool : PoolKind.values()) {
                        out.add(new PastPeaks.PastPeak(stamp, pool, d, 50.0, 4));
                    }
                    if (d.equals(refused) && stamp.equals(STAMPS.get(0))) {
                        out.add(new PastPeaks.PastPeak("x".repeat(65), PoolKind.REGISTRY, d, 50.0, 4));
                    }
                }
            }
            return out;
        };
    }

    private static Map<LocalDate, Long> rowsByDay(DataSource db) {
        return JdbcClient.create(db)
                .sql("select peak_day from capacity_daily_peak")
                .query(LocalDate.class)
                .list()
                .stream()
                .collect(Collectors.groupingBy(d -> d, java.util.TreeMap::new, Collectors.counting()));
    }

    /** A fresh in-memory database with the daily peak table only (its migration), lock waits long enough. */
    private static DataSource table(String name) throws Exception {
        String url =
                "jdbc:h2:mem:daily-peak-" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000";
        DataSource db = new DriverManagerDataSource(url, "sa", "");
        String ddl;
        try (var in =
                DailyPeakBackfillOnceTest.class.getResourceAsStream("/db/migration/V80__capacity_daily_peak.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        new JdbcTemplate(db).execute(ddl);
        return db;
    }

    private static DailyPeakHistory history(DataSource db) {
        return new DailyPeakHistory(JdbcClient.create(db), new JdbcTemplate(db), new DataSourceTransactionManager(db));
    }

    /** A data source that counts the insert statements and batches run on its connections. */
    private record Counting(DataSource source, AtomicInteger updates) {}

    private static Counting counting(DataSource db) {
        AtomicInteger updates = new AtomicInteger();
        DataSource source = proxy(DataSource.class, db, (target, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection c
                    ? proxy(Connection.class, c, (conn, m, a) -> {
                        Object r = invoke(conn, m, a);
                        return r instanceof PreparedStatement ps
                                ? proxy(PreparedStatement.class, ps, (stmt, sm, sa) -> {
                                    if (sm.getName().equals("executeUpdate")
                                            || sm.getName().equals("executeBatch")
                                            || sm.getName().equals("executeLargeBatch")
                                            || sm.getName().equals("executeLargeUpdate")) {
                                        updates.incrementAndGet();
                                    }
                                    return invoke(stmt, sm, sa);
                                })
                                : r;
                    })
                    : result;
        });
        return new Counting(source, updates);
    }

    private interface Handler<T> {
        Object handle(T target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        return type.cast(Proxy.newProxyInstance(
                DailyPeakBackfillOnceTest.class.getClassLoader(),
                new Class<?>[] {type},
                (p, method, args) -> handler.handle(target, method, args)));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
