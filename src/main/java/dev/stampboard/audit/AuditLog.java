package dev.stampboard.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
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

    /**
     * Entries matching every given filter, newest first. Text filters match case-insensitively
     * anywhere in the field; null or blank means "any".
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> search(
            @org.jspecify.annotations.Nullable String actor,
            @org.jspecify.annotations.Nullable String action,
            @org.jspecify.annotations.Nullable String text,
            @org.jspecify.annotations.Nullable Instant since,
            int limit) {
        StringBuilder sql =
                new StringBuilder("select id, at, actor, action, subject, detail from audit_event where 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (actor != null && !actor.isBlank()) {
            sql.append(" and lower(actor) = ?");
            params.add(actor.strip().toLowerCase());
        }
        if (action != null && !action.isBlank()) {
            sql.append(" and action = ?");
            params.add(action.strip());
        }
        if (text != null && !text.isBlank()) {
            sql.append(" and (lower(subject) like ? or lower(detail) like ?)");
            String like = "%" + text.strip().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        if (since != null) {
            sql.append(" and at >= ?");
            params.add(OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        }
        sql.append(" order by id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(AuditLog::entry).list();
    }

    @Transactional(readOnly = true)
    public List<String> actions() {
        return jdbc.sql("select distinct action from audit_event order by action")
                .query(String.class)
                .list();
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> since(Instant since, int limit) {
        return jdbc.sql(
                        "select id, at, actor, action, subject, detail from audit_event where at >= ? order by id desc limit ?")
                .params(OffsetDateTime.ofInstant(since, ZoneOffset.UTC), limit)
                .query(AuditLog::entry)
                .list();
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("subject"),
                rs.getString("detail"));
    }
}
