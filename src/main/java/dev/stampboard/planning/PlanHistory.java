package dev.stampboard.planning;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Append-only status history: rows are inserted, never updated or deleted. */
@Repository
class PlanHistory {

    private final JdbcClient jdbc;

    PlanHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(
            String planId,
            Instant at,
            String actor,
            @Nullable PlanStatus from,
            PlanStatus to,
            @Nullable String reason) {
        jdbc.sql(
                        "insert into plan_status_change (plan_id, at, actor, from_status, to_status, reason) values (?, ?, ?, ?, ?, ?)")
                .params(
                        planId,
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                        actor,
                        from == null ? null : from.name(),
                        to.name(),
                        reason)
                .update();
    }

    List<PlanStatusChange> of(String planId) {
        return jdbc.sql(
                        "select at, actor, from_status, to_status, reason from plan_status_change where plan_id = ? order by id")
                .param(planId)
                .query((rs, i) -> new PlanStatusChange(
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"),
                        rs.getString("from_status") == null ? null : PlanStatus.valueOf(rs.getString("from_status")),
                        PlanStatus.valueOf(rs.getString("to_status")),
                        rs.getString("reason")))
                .list();
    }
}
