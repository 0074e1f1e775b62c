package dev.stampboard.capacity;

import dev.stampboard.capacity.engine.DailyPeak;
import dev.stampboard.fleet.PoolKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code capacity_daily_peak} table: one row per pool and day, written once (the first writer wins). */
@Component
class DailyPeakHistory {

    static final String MEASURED = "MEASURED";
    static final String SIMULATED = "SIMULATED";

    /** Inserts the row unless the pool already has one for that day. */
    private static final String INSERT_NEW = """
            insert into capacity_daily_peak (stamp, pool, peak_day, p95, nodes, origin)
            select ?, ?, ?, ?, ?, ? from (values (1)) v
            where not exists (select 1 from capacity_daily_peak
                              where stamp = ? and pool = ? and peak_day = ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;

    DailyPeakHistory(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Stores the row unless the pool already has one for that day (several instances may record the same day). */
    boolean record(String stamp, PoolKind pool, LocalDate day, double p95, int nodes, String origin) {
        try {
            return jdbc.sql(INSERT_NEW)
                            .params(stamp, pool.name(), day, p95, nodes, origin, stamp, pool.name(), day)
                            .update()
                    == 1;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /**
     * {@link #record} for each row, as one batch in one transaction, so all of them or none are stored (row by row,
     * the start-up back-fill paid a statement and a commit per pool and day, and on an H2 file with
     * {@code WRITE_DELAY=0} each commit writes the store). When another instance stored one of the rows since the
     * batch looked (a duplicate key) or holds it (a lock wait that failed), the batch is rolled back and the rows go
     * one by one through {@link #record}, the first writer winning as there. Any other failure is thrown, nothing of
     * the batch stored. Returns how many rows were stored.
     */
    int recordAll(List<PastPeaks.PastPeak> rows, String origin) {
        if (rows.isEmpty()) {
            return 0;
        }
        try {
            Integer stored = tx.execute(status -> {
                int[][] counts = template.batchUpdate(INSERT_NEW, rows, rows.size(), (ps, p) -> {
                    ps.setString(1, p.stamp());
                    ps.setString(2, p.pool().name());
                    ps.setObject(3, p.day());
                    ps.setDouble(4, p.p95());
                    ps.setInt(5, p.nodes());
                    ps.setString(6, origin);
                    ps.setString(7, p.stamp());
                    ps.setString(8, p.pool().name());
                    ps.setObject(9, p.day());
                });
                int n = 0;
                for (int[] batch : counts) {
                    for (int count : batch) {
                        // a driver that cannot tell (SUCCESS_NO_INFO, -2) stored it: an existing row says 0
                        n += count != 0 ? 1 : 0;
                    }
                }
                return n;
            });
            return stored == null ? 0 : stored;
        } catch (DuplicateKeyException | ConcurrencyFailureException raced) {
            int n = 0;
            for (PastPeaks.PastPeak p : rows) {
                if (record(p.stamp(), p.pool(), p.day(), p.p95(), p.nodes(), origin)) {
                    n++;
                }
            }
            return n;
        }
    }

    /** How many rows are stored (by any console instance). */
    long rows() {
        return jdbc.sql("select count(*) from capacity_daily_peak")
                .query(Long.class)
                .single();
    }

    /** The oldest day any pool has a row for; null when the table is empty. */
    @org.jspecify.annotations.Nullable
    LocalDate oldestDay() {
        return jdbc.sql("select min(peak_day) from capacity_daily_peak")
                .query(LocalDate.class)
                .optional()
                .orElse(null);
    }

    /** Every pool's rows from {@code from} on, by "stamp/POOL", oldest first. */
    Map<String, List<DailyPeak>> since(LocalDate from) {
        Map<String, List<DailyPeak>> out = new HashMap<>();
        jdbc.sql("""
                        select stamp, pool, peak_day, p95, nodes from capacity_daily_peak
                        where peak_day >= ? order by peak_day""")
                .param(from)
                .query((rs, i) -> {
                    out.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new ArrayList<>())
                            .add(new DailyPeak(rs.getObject(3, LocalDate.class), rs.getDouble(4), rs.getInt(5)));
                    return null;
                })
                .list();
        return out;
    }

    static String key(String stamp, PoolKind pool) {
        return stamp + "/" + pool.name();
    }
}
