package dev.stampboard.isolation;

import dev.stampboard.base.Actor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Append-only state history of isolation requests: rows are inserted, never updated or deleted. */
@Repository
class IsolationHistory {

    private final JdbcClient jdbc;

    IsolationHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(
            String requestId,
            Instant at,
            Actor actor,
            @Nullable IsolationState from,
            IsolationState to,
            @Nullable String note) {
        jdbc.sql(
                        "insert into isolation_state_change (request_id, at, actor, from_state, to_state, note) values (?, ?, ?, ?, ?, ?)")
                .params(
                        requestId,
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                        actor.name(),
                        from == null ? null : from.name(),
                        to.name(),
                        note)
                .update();
    }

    List<IsolationStateChange> of(String requestId) {
        return jdbc.sql(
                        "select at, actor, from_state, to_state, note from isolation_state_change where request_id = ? order by id")
                .param(requestId)
                .query((rs, i) -> new IsolationStateChange(
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        Actor.named(rs.getString("actor")),
                        rs.getString("from_state") == null ? null : IsolationState.valueOf(rs.getString("from_state")),
                        IsolationState.valueOf(rs.getString("to_state")),
                        rs.getString("note")))
                .list();
    }
}
