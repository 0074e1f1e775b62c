package dev.stampboard.score;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The admin's labelling ({@code score_labelling}, one row or none). */
@Component
class LabellingStore {

    private final JdbcClient jdbc;

    LabellingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Labelling> find() {
        return jdbc.sql("select p99_slo_ms, throttling_percent, horizon_hours from score_labelling where id = 1")
                .query((rs, n) -> new Labelling(
                        rs.getDouble("p99_slo_ms"),
                        rs.getDouble("throttling_percent"),
                        rs.getInt("horizon_hours"),
                        true))
                .optional();
    }

    void save(Labelling l, String by, Instant at) {
        jdbc.sql("delete from score_labelling where id = 1").update();
        jdbc.sql(
                        "insert into score_labelling (id, p99_slo_ms, throttling_percent, horizon_hours, changed_by, changed_at)"
                                + " values (1, ?, ?, ?, ?, ?)")
                .params(l.p99SloMs(), l.throttlingPercent(), l.horizonHours(), by, Timestamp.from(at))
                .update();
    }

    void clear() {
        jdbc.sql("delete from score_labelling where id = 1").update();
    }
}
