package dev.stampboard.capacity;

import dev.stampboard.capacity.engine.DailyPeak;
import dev.stampboard.fleet.PoolKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code capacity_daily_peak} table: one row per pool and day, written once (the first writer wins). */
@Component
class DailyPeakHistory {

    static final String MEASURED = "MEASURED";
    static final String SIMULATED = "SIMULATED";

    private final JdbcClient jdbc;

    DailyPeakHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the row unless the pool already has one for that day (several instances may record the same day). */
    boolean record(String stamp, PoolKind pool, LocalDate day, double p95, int nodes, String origin) {
        try {
            return jdbc.sql("""
                            insert into capacity_daily_peak (stamp, pool, peak_day, p95, nodes, origin)
                            select ?, ?, ?, ?, ?, ? from (values (1)) v
                            where not exists (select 1 from capacity_daily_peak
                                              where stamp = ? and pool = ? and peak_day = ?)""")
                            .params(stamp, pool.name(), day, p95, nodes, origin, stamp, pool.name(), day)
                            .update()
                    == 1;
        } catch (DuplicateKeyException raced) {
            return false;
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
