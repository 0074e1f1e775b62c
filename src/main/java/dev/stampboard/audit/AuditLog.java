package dev.stampboard.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the audit trail. Entries are stamped with the application clock, so in a
 * simulated fleet they line up with the simulated minutes the decision was made in.
 */
@Service
public class AuditLog {

    private static final int MAX_DETAIL = 4000;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Joins the caller's transaction so an action and its audit entry commit or roll back together. */
    @Transactional
    public void record(String actor, String action, String subject, String detail) {
        String trimmed = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL - 1) + "…" : detail;
        jdbc.sql("insert into audit_event (at, actor, action, subject, detail) values (?, ?, ?, ?, ?)")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), actor, action, subject, trimmed)
                .update();
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> since(Instant since, int limit) {
        return jdbc.sql("select id, at, actor, action, subject, detail from audit_event where at >= ? order by id desc limit ?")
                .params(OffsetDateTime.ofInstant(since, ZoneOffset.UTC), limit)
                .query((rs, i) -> new AuditEntry(rs.getLong("id"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("detail")))
                .list();
    }
}
