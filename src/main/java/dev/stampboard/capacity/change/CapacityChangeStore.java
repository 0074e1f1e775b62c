package dev.stampboard.capacity.change;

import static dev.stampboard.base.StoreColumns.at;
import static dev.stampboard.base.StoreColumns.insertOnce;
import static dev.stampboard.base.StoreColumns.instant;
import static dev.stampboard.base.StoreColumns.nullableDouble;
import static dev.stampboard.base.StoreColumns.requiredInstant;

import dev.stampboard.fleet.PoolKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Capacity changes and their step journal in the database. Every update is conditional on the version read:
 * when another instance (or a person) changed the row meanwhile it returns false and nothing is written.
 */
@Repository
class CapacityChangeStore {

    private final JdbcClient jdbc;

    CapacityChangeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new change; false when its origin already asked for this pool (a redelivered event). */
    boolean insert(CapacityChange c) {
        return insertOnce(jdbc.sql(
                        "insert into capacity_change (id, stamp, region, pool, from_instances, from_minimum, to_instances, "
                                + "to_minimum, reason, origin, origin_ref, recommendation, proposed_by, proposed_at, predicted_p95, before_p95, "
                                + "state, state_since, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(
                        c.id,
                        c.stamp,
                        c.region,
                        c.pool.name(),
                        c.resize.fromInstances(),
                        c.resize.fromMinimum(),
                        c.resize.toInstances(),
                        c.resize.toMinimum(),
                        c.reason,
                        c.origin.name(),
                        c.originRef,
                        c.recommendation,
                        c.proposedBy,
                        at(c.proposedAt),
                        c.predictedP95,
                        c.beforeP95,
                        c.state().name(),
                        at(c.stateSince())));
    }

    boolean update(CapacityChange c) {
        return jdbc.sql("update capacity_change set state = ?, state_since = ?, decided_by = ?, decision_reason = ?, "
                                + "started_by = ?, applied_at = ?, validate_until = ?, measured_p95 = ?, verdict = ?, "
                                + "evidence = ?, revert_reason = ?, version = version + 1 where id = ? and version = ?")
                        .params(
                                c.state().name(),
                                at(c.stateSince()),
                                c.decidedBy,
                                c.decisionReason,
                                c.startedBy,
                                at(c.appliedAt),
                                at(c.validateUntil),
                                c.measuredP95,
                                c.verdict == null ? null : c.verdict.name(),
                                c.evidence,
                                c.revertReason,
                                c.id,
                                c.version)
                        .update()
                == 1;
    }

    Optional<CapacityChange> find(String id) {
        return jdbc.sql("select * from capacity_change where id = ?")
                .param(id)
                .query(this::change)
                .optional();
    }

    List<CapacityChange> all() {
        return jdbc.sql("select * from capacity_change order by proposed_at desc, id")
                .query(this::change)
                .list();
    }

    List<CapacityChange> active() {
        return jdbc.sql("select * from capacity_change where state in ('APPLYING', 'VALIDATING', 'REVERTING') "
                        + "order by proposed_at, id")
                .query(this::change)
                .list();
    }

    /** Changes of this pool that are open (not finished one way or the other): one at a time per pool. */
    List<CapacityChange> openOn(String stamp, PoolKind pool) {
        return jdbc.sql("select * from capacity_change where stamp = ? and pool = ? "
                        + "and state in ('PROPOSED', 'APPROVED', 'APPLYING', 'VALIDATING', 'REVERTING')")
                .params(stamp, pool.name())
                .query(this::change)
                .list();
    }

    List<CapacityChange> byOrigin(String originRef) {
        return jdbc.sql("select * from capacity_change where origin_ref = ? order by pool")
                .param(originRef)
                .query(this::change)
                .list();
    }

    /** Records that a change went through a step; false when it already had (the step is not taken again). */
    boolean journal(String changeId, String step, Instant at, String executor, @Nullable String detail) {
        return insertOnce(jdbc.sql("insert into capacity_change_step (change_id, step, at, executor, detail) "
                        + "values (?, ?, ?, ?, ?)")
                .params(changeId, step, at(at), executor, detail));
    }

    List<ChangeStep> steps(String changeId) {
        return jdbc.sql("select * from capacity_change_step where change_id = ? order by id")
                .param(changeId)
                .query((rs, i) -> new ChangeStep(
                        rs.getString("step"), instant(rs, "at"), rs.getString("executor"), rs.getString("detail")))
                .list();
    }

    private CapacityChange change(ResultSet rs, int row) throws SQLException {
        CapacityChange c = new CapacityChange(
                rs.getString("id"),
                rs.getString("stamp"),
                rs.getString("region"),
                PoolKind.valueOf(rs.getString("pool")),
                new Resize(
                        rs.getInt("from_instances"),
                        rs.getInt("from_minimum"),
                        rs.getInt("to_instances"),
                        rs.getInt("to_minimum")),
                rs.getString("reason"),
                ChangeOrigin.valueOf(rs.getString("origin")),
                rs.getString("origin_ref"),
                rs.getString("proposed_by"),
                requiredInstant(rs, "proposed_at"),
                nullableDouble(rs, "predicted_p95"),
                nullableDouble(rs, "before_p95"),
                CapacityChangeState.valueOf(rs.getString("state")),
                requiredInstant(rs, "state_since"),
                rs.getInt("version"));
        String verdict = rs.getString("verdict");
        c.decidedBy = rs.getString("decided_by");
        c.decisionReason = rs.getString("decision_reason");
        c.startedBy = rs.getString("started_by");
        c.appliedAt = instant(rs, "applied_at");
        c.validateUntil = instant(rs, "validate_until");
        c.measuredP95 = nullableDouble(rs, "measured_p95");
        c.verdict = verdict == null ? null : ChangeVerdict.valueOf(verdict);
        c.evidence = rs.getString("evidence");
        c.revertReason = rs.getString("revert_reason");
        c.recommendation = rs.getString("recommendation");
        return c;
    }
}
