package dev.stampboard.fleet;

import dev.stampboard.base.SequenceTail;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inventory's change log ({@code inventory_change}): one row per write, in the writing transaction, read by every
 * console instance past the highest id it has seen ({@link SequenceTail}: a change committed out of id order is not
 * missed).
 */
final class InventoryChanges {

    static final String STAMP = "STAMP";
    static final String REGISTRY = "REGISTRY";
    static final String REGION = "REGION";
    static final String CUSTOMER = "CUSTOMER";

    record Change(long id, String kind, String subject) {}

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final JdbcClient jdbc;
    private final SequenceTail<Change> tail;

    InventoryChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.tail = new SequenceTail<>(
                new SequenceTail.Source<>() {
                    @Override
                    public List<Change> after(long afterSeq, int limit) {
                        return jdbc.sql("select id, subject_kind, subject from inventory_change where id > ?"
                                        + " order by id limit ?")
                                .params(afterSeq, limit)
                                .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3)))
                                .list();
                    }

                    @Override
                    public List<Change> between(long fromSeq, long toSeq) {
                        return jdbc.sql("select id, subject_kind, subject from inventory_change"
                                        + " where id >= ? and id <= ? order by id")
                                .params(fromSeq, toSeq)
                                .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3)))
                                .list();
                    }
                },
                Change::id,
                1_000,
                10,
                10 * MINUTE_NANOS,
                MINUTE_NANOS / 2,
                System::nanoTime);
    }

    void record(String kind, String subject, Instant at) {
        jdbc.sql("insert into inventory_change (subject_kind, subject, changed_at) values (?, ?, ?)")
                .params(
                        kind,
                        subject.length() > 255 ? subject.substring(0, 255) : subject,
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    /** Follows from the current end of the log, re-checking the last ids (a write may be committing right now). */
    void startAtEnd() {
        long max = jdbc.sql("select coalesce(max(id), 0) from inventory_change")
                .query(Long.class)
                .single();
        tail.startAfter(max, 100);
    }

    List<Change> poll() {
        return tail.poll().rows();
    }

    long queries() {
        return tail.queries();
    }
}
