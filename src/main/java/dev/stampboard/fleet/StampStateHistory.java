package dev.stampboard.fleet;

import dev.stampboard.base.SequenceTail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The stamps' state history ({@code stamp_state_change} with its nodes in {@code stamp_state_node}): an entry is
 * written in the transaction of every inventory write that changes a stamp's status or nodes, and read incrementally
 * by id ({@link SequenceTail}: an entry committed out of id order is not missed), so the simulator on every console
 * instance builds a past minute from the stamps as they were then.
 */
final class StampStateHistory {

    private static final long MINUTE_NANOS = 60_000_000_000L;
    private static final int BATCH = 1_000;
    private static final String COLUMNS = "select id, stamp, region, kind, status, changed_at from stamp_state_change";

    private final JdbcClient jdbc;
    private final SequenceTail<StampStateChange> tail;
    private StampStateTimeline timeline = new StampStateTimeline(List.of());

    StampStateHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.tail = new SequenceTail<>(
                new SequenceTail.Source<>() {
                    @Override
                    public List<StampStateChange> after(long afterId, int limit) {
                        return entries("id > ? order by id limit ?", afterId, limit);
                    }

                    @Override
                    public List<StampStateChange> between(long fromId, long toId) {
                        return entries("id >= ? and id <= ? order by id", fromId, toId);
                    }
                },
                StampStateChange::id,
                BATCH,
                10,
                10 * MINUTE_NANOS,
                MINUTE_NANOS / 2,
                System::nanoTime);
    }

    /**
     * Notes the stamp's state after a write, unless the write left its status and nodes as they were ({@code
     * before}: null for a stamp declared just now).
     */
    void record(@Nullable StampInfo before, StampInfo after, Instant at) {
        if (before != null
                && before.status() == after.status()
                && before.nodes(PoolKind.REGISTRY).equals(after.nodes(PoolKind.REGISTRY))
                && before.nodes(PoolKind.DATAPROXY).equals(after.nodes(PoolKind.DATAPROXY))) {
            return;
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into stamp_state_change (stamp, region, kind, status, changed_at) values (?, ?, ?, ?, ?)")
                .params(
                        after.name(),
                        after.region(),
                        after.kind().name(),
                        after.status().name(),
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update(key, "id");
        long id = Objects.requireNonNull(key.getKey()).longValue();
        List<Object> params = new ArrayList<>();
        for (PoolKind pool : PoolKind.values()) {
            for (String node : after.nodes(pool)) {
                params.addAll(List.of(id, pool.name(), node));
            }
        }
        if (!params.isEmpty()) {
            // one statement per entry: a seed fleet declares thousands of stamps
            jdbc.sql("insert into stamp_state_node (change_id, pool, node) values "
                            + String.join(", ", Collections.nCopies(params.size() / 3, "(?, ?, ?)")))
                    .params(params)
                    .update();
        }
    }

    /** The timeline with every entry committed before this call (and any that turned up since). */
    synchronized StampStateTimeline catchUp() {
        List<StampStateChange> fresh = new ArrayList<>();
        SequenceTail.Poll<StampStateChange> poll;
        do {
            poll = tail.poll();
            fresh.addAll(poll.rows());
        } while (poll.backlog());
        timeline = timeline.with(fresh);
        return timeline;
    }

    /** Shrinks the timeline read so far as the retention prunes the history ({@link StampStateRetention}). */
    synchronized void forgetSupersededBefore(Instant cutoff) {
        timeline = timeline.withoutSupersededBefore(cutoff);
    }

    /** The entries {@code where} selects, with their nodes. */
    private List<StampStateChange> entries(String where, long first, long second) {
        return withNodes(jdbc.sql(COLUMNS + " where " + where)
                .params(first, second)
                .query(StampStateHistory::entry)
                .list());
    }

    private static StampStateChange entry(ResultSet rs, int row) throws SQLException {
        return new StampStateChange(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                StampKind.valueOf(rs.getString(4)),
                StampStatus.valueOf(rs.getString(5)),
                List.of(),
                List.of(),
                rs.getObject(6, OffsetDateTime.class).toInstant());
    }

    /** The entries with their nodes: one query for the id range they span. */
    private List<StampStateChange> withNodes(List<StampStateChange> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        Map<Long, Map<PoolKind, List<String>>> nodes = new HashMap<>();
        jdbc.sql("select change_id, pool, node from stamp_state_node where change_id >= ? and change_id <= ?"
                        + " order by change_id")
                .params(entries.get(0).id(), entries.get(entries.size() - 1).id())
                .query(rs -> {
                    nodes.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                            .computeIfAbsent(PoolKind.valueOf(rs.getString(2)), p -> new ArrayList<>())
                            .add(rs.getString(3));
                });
        List<StampStateChange> complete = new ArrayList<>(entries.size());
        for (StampStateChange e : entries) {
            Map<PoolKind, List<String>> of = nodes.getOrDefault(e.id(), Map.of());
            complete.add(new StampStateChange(
                    e.id(),
                    e.stamp(),
                    e.region(),
                    e.kind(),
                    e.status(),
                    sorted(of.get(PoolKind.REGISTRY)),
                    sorted(of.get(PoolKind.DATAPROXY)),
                    e.changedAt()));
        }
        return complete;
    }

    /** In the order {@link PoolInfo} lists nodes (Java's, not the database's collation, which may skip hyphens). */
    private static List<String> sorted(@Nullable List<String> nodes) {
        return nodes == null ? List.of() : nodes.stream().sorted().toList();
    }
}
