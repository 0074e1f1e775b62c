package dev.stampboard.planning;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The measured "after" of a finished plan, per stamp pool, written once when its execution ends. */
@Repository
class PlanOutcomes {

    record Measured(@Nullable Double p95, Instant at) {}

    private final JdbcClient jdbc;

    PlanOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(PlanId planId, String stamp, String pool, @Nullable Double p95, Instant at) {
        jdbc.sql("delete from plan_outcome where plan_id = ? and stamp = ? and pool = ?")
                .params(planId.value(), stamp, pool)
                .update();
        jdbc.sql("insert into plan_outcome (plan_id, stamp, pool, after_p95, measured_at) values (?, ?, ?, ?, ?)")
                .params(planId.value(), stamp, pool, p95, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    /** Keyed by "stamp/POOL"; empty until the plan has finished. */
    Map<String, Measured> of(PlanId planId) {
        Map<String, Measured> out = new HashMap<>();
        jdbc.sql("select stamp, pool, after_p95, measured_at from plan_outcome where plan_id = ?")
                .param(planId.value())
                .query(rs -> {
                    double v = rs.getDouble("after_p95");
                    Double p95 = rs.wasNull() ? null : v;
                    out.put(
                            rs.getString("stamp") + "/" + rs.getString("pool"),
                            new Measured(
                                    p95,
                                    rs.getObject("measured_at", OffsetDateTime.class)
                                            .toInstant()));
                });
        return out;
    }
}
