package dev.stampboard.fleet;

import dev.stampboard.base.SequenceTail;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The inventory's change log ({@code inventory_change}): one row per write, in the writing transaction, read by every
 * console instance past the highest id it has seen ({@link SequenceTail}: a change committed out of id order is not
 * missed). {@link #poll} hands back only the changes of other instances: what this instance wrote it applied when it
 * wrote it (snapshot dropped, {@link StampDeclared} published), and applying it again cost the elected instance of a
 * 500-stamp simulator a whole-fleet reload per stamp while it loaded the scenario (README "Several instances").
 */
final class InventoryChanges {

    static final String STAMP = "STAMP";
    static final String REGISTRY = "REGISTRY";
    static final String REGION = "REGION";
    static final String CUSTOMER = "CUSTOMER";

    record Change(long id, String kind, String subject) {}

    private static final long MINUTE_NANOS = 60_000_000_000L;
    private static final int RECHECK_AT_START = 100;

    private final JdbcClient jdbc;
    private final SequenceTail<Change> tail;
    /**
     * Ids of rows this instance inserted and has not read back yet. Added at insert, before the commit makes the row
     * visible to {@link #poll}, so no own row slips through; removed when read back or when the transaction rolls
     * back (its id then never appears).
     */
    private final Set<Long> written = ConcurrentHashMap.newKeySet();

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
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into inventory_change (subject_kind, subject, changed_at) values (?, ?, ?)")
                .params(
                        kind,
                        subject.length() > 255 ? subject.substring(0, 255) : subject,
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update(key, "id");
        long id = Objects.requireNonNull(key.getKey(), "the change's id").longValue();
        written.add(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        written.remove(id);
                    }
                }
            });
        }
    }

    /** Follows from the current end of the log, re-checking the last ids (a write may be committing right now). */
    void startAtEnd() {
        long max = jdbc.sql("select coalesce(max(id), 0) from inventory_change")
                .query(Long.class)
                .single();
        tail.startAfter(max, RECHECK_AT_START);
        // below the re-checked ids nothing is read back: own ids there would be kept for ever
        written.removeIf(id -> id <= max - RECHECK_AT_START);
    }

    /** The changes other instances committed since the last poll (this instance's own are read and dropped). */
    List<Change> poll() {
        List<Change> read = tail.poll().rows();
        if (written.isEmpty()) {
            return read;
        }
        List<Change> others = new ArrayList<>(read.size());
        for (Change change : read) {
            if (!written.remove(change.id())) {
                others.add(change);
            }
        }
        return others;
    }

    long queries() {
        return tail.queries();
    }
}
