package dev.stampboard.planning;

import dev.stampboard.base.Actor;
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
            PlanId planId, Instant at, Actor actor, @Nullable PlanStatus from, PlanStatus to, @Nullable String reason) {
        jdbc.sql(
                        "insert into plan_status_change (plan_id, at, actor, from_status, to_status, reason) values (?, ?, ?, ?, ?, ?)")
                .params(
                        planId.value(),
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                        actor.name(),
                        from == null ? null : from.name(),
                        to.name(),
                        reason)
                .update();
    }

    List<PlanStatusChange> of(PlanId planId) {
        return jdbc.sql(
                        "select at, actor, from_status, to_status, reason from plan_status_change where plan_id = ? order by id")
                .param(planId.value())
                .query((rs, i) -> new PlanStatusChange(
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        Actor.named(rs.getString("actor")),
                        rs.getString("from_status") == null ? null : PlanStatus.valueOf(rs.getString("from_status")),
                        PlanStatus.valueOf(rs.getString("to_status")),
                        rs.getString("reason")))
                .list();
    }
}
