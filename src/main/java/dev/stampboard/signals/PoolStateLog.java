package dev.stampboard.signals;

import dev.stampboard.base.SequenceTail;
import dev.stampboard.base.SingleInstanceJobs;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.engine.PoolState;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pool states' "since" times shared by every console instance ({@code pool_state_change}, README "Several
 * instances"). One writer: the elected instance records the transitions it observes each minute
 * ({@link PoolStateTransitions}); every instance reads the log at start and follows it by sequence like the sample
 * tables, so a pool's state is dated the same on every instance, also on one started after the state began.
 *
 * <p>A minute is recorded once: the writer claims it by raising {@code pool_state_watch.observed_through} in the
 * transaction that stores its rows (a second instance that believed itself elected for a moment finds it claimed).
 * A restarted instance's back-fill replays minutes already claimed and writes nothing for them; it would judge them on
 * a window still filling.
 */
@Component
class PoolStateLog {

    private static final Logger log = LoggerFactory.getLogger(PoolStateLog.class);
    static final String JOB = "pool-states";
    /** A quiet minute is claimed at least this often, so a restart's back-fill skips what was observed. */
    static final long CLAIM_EVERY_MINUTES = 5;
    /** Rows superseded by a newer one of their pool are deleted when older than this (minutes: 7 days). */
    static final long KEEP_SUPERSEDED_MINUTES = 7 * 24 * 60;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ObjectProvider<SingleInstanceJobs> jobs;
    private volatile @Nullable SingleInstanceJobs electedJobs;
    private final PoolStateTransitions transitions = new PoolStateTransitions();
    private final SequenceTail<Row> tail;
    /** The newest minute known to be claimed (by this instance or another); only grows. */
    private volatile long claimedThrough;

    private record Row(long seq, String stamp, PoolKind pool, PoolStateTransitions.Entry entry) {}

    PoolStateLog(JdbcClient jdbc, PlatformTransactionManager transactions, ObjectProvider<SingleInstanceJobs> jobs) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.jobs = jobs;
        this.tail = new SequenceTail<>(
                new SequenceTail.Source<>() {
                    @Override
                    public List<Row> after(long afterSeq, int limit) {
                        return rows("where seq > ? order by seq fetch first " + limit + " rows only", afterSeq);
                    }

                    @Override
                    public List<Row> between(long fromSeq, long toSeq) {
                        return rows("where seq between ? and ? order by seq", fromSeq, toSeq);
                    }
                },
                Row::seq,
                10_000,
                5,
                600_000_000_000L,
                30_000_000_000L,
                System::nanoTime);
        // the follower starts at the highest value; the rows up to it are read now, the newest of each pool
        long max = jdbc.sql("select coalesce(max(seq), 0) from pool_state_change")
                .query(Long.class)
                .single();
        tail.startAfter(max, 1_000);
        rows("where seq in (select max(seq) from pool_state_change group by stamp, pool)")
                .forEach(r -> transitions.add(r.stamp(), r.pool(), r.entry()));
        claimedThrough = jdbc.sql("select observed_through from pool_state_watch where id = 1")
                .query(Long.class)
                .single();
    }

    private List<Row> rows(String where, Object... params) {
        return jdbc.sql("select seq, stamp, pool, state, since_minute, at_least from pool_state_change " + where)
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getLong("seq"),
                        rs.getString("stamp"),
                        PoolKind.valueOf(rs.getString("pool")),
                        new PoolStateTransitions.Entry(
                                PoolState.valueOf(rs.getString("state")),
                                rs.getLong("since_minute"),
                                rs.getBoolean("at_least"),
                                rs.getLong("seq"))))
                .list();
    }

    /** The newest row of the pool when it dates {@code state}; null when the log has none for that state yet. */
    PoolStateTransitions.@Nullable Entry dating(String stamp, PoolKind pool, PoolState state) {
        return transitions.dating(stamp, pool, state);
    }

    /** Reads the rows any instance stored since the last call; returns the queries sent. */
    int follow() {
        long before = tail.queries();
        for (Row r : tail.poll().rows()) {
            transitions.add(r.stamp(), r.pool(), r.entry());
        }
        return (int) (tail.queries() - before);
    }

    /**
     * The states this instance's engine judged at {@code minute}: recorded when this instance is the elected one and
     * the minute is not claimed yet. Returns the rows stored.
     */
    int observed(long minute, List<PoolStateTransitions.Observation> states) {
        if (minute <= claimedThrough || !elected()) {
            return 0;
        }
        follow(); // what the previous writer stored last, before comparing with it
        List<PoolStateTransitions.Transition> rows = transitions.at(minute, states);
        if (rows.isEmpty() && minute - claimedThrough < CLAIM_EVERY_MINUTES) {
            return 0;
        }
        List<Row> written = new java.util.ArrayList<>();
        Boolean claimed = tx.execute(s -> {
            if (jdbc.sql("update pool_state_watch set observed_through = ? where id = 1 and observed_through < ?")
                            .params(minute, minute)
                            .update()
                    == 0) {
                return false;
            }
            for (PoolStateTransitions.Transition t : rows) {
                GeneratedKeyHolder key = new GeneratedKeyHolder();
                jdbc.sql("insert into pool_state_change (stamp, pool, state, since_minute, at_least)"
                                + " values (?, ?, ?, ?, ?)")
                        .params(t.stamp(), t.pool().name(), t.state().name(), t.sinceMinute(), t.atLeast())
                        .update(key, "seq");
                Number seq = key.getKey();
                if (seq != null) {
                    written.add(new Row(
                            seq.longValue(),
                            t.stamp(),
                            t.pool(),
                            new PoolStateTransitions.Entry(t.state(), t.sinceMinute(), t.atLeast(), seq.longValue())));
                }
            }
            return true;
        });
        if (!Boolean.TRUE.equals(claimed)) {
            // another instance claimed it: learn how far, and take its rows in on the next follow
            claimedThrough = Math.max(
                    claimedThrough,
                    jdbc.sql("select observed_through from pool_state_watch where id = 1")
                            .query(Long.class)
                            .single());
            return 0;
        }
        // committed: in this instance's log at once (the follower reads them back and keeps the one it has)
        written.forEach(r -> transitions.add(r.stamp(), r.pool(), r.entry()));
        claimedThrough = minute;
        if (minute % 60 == 0) {
            pruneSuperseded(minute);
        }
        return written.size();
    }

    /** Deletes rows a newer row of their pool superseded more than {@link #KEEP_SUPERSEDED_MINUTES} ago. */
    private void pruneSuperseded(long minute) {
        try {
            int deleted = jdbc.sql("delete from pool_state_change where since_minute < ? and exists (select 1 from"
                            + " pool_state_change newer where newer.stamp = pool_state_change.stamp"
                            + " and newer.pool = pool_state_change.pool and newer.seq > pool_state_change.seq"
                            + " and newer.since_minute < ?)")
                    .params(minute - KEEP_SUPERSEDED_MINUTES, minute - KEEP_SUPERSEDED_MINUTES)
                    .update();
            if (deleted > 0) {
                log.info("Pool-state log: {} superseded rows older than 7 days deleted", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("Pruning the pool-state log failed; the next hour tries again", e);
        }
    }

    private boolean elected() {
        SingleInstanceJobs single = electedJobs;
        if (single == null) {
            // resolved once it is there (a singleton): resolving it every simulated minute was 1.8 % of the scenario
            // JVM's samples, more than the lease check it guards
            single = jobs.getIfAvailable();
            electedJobs = single;
        }
        return single == null || single.holdsLease(JOB);
    }
}
