package dev.stampboard.cutover;

import static dev.stampboard.base.StoreColumns.at;
import static dev.stampboard.base.StoreColumns.insertOnce;
import static dev.stampboard.base.StoreColumns.instant;
import static dev.stampboard.base.StoreColumns.nullableDouble;
import static dev.stampboard.base.StoreColumns.requiredInstant;

import dev.stampboard.planning.PlanId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plan and move executions in the database. Every update is conditional on the version read: when
 * another instance (or a user action) changed the row meanwhile it returns false and nothing is
 * written, so no step is applied twice.
 */
@Repository
class ExecutionStore {

    private final JdbcClient jdbc;

    ExecutionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- plan runs -----------------------------------------------------------------------------

    void insert(PlanRun run, List<MoveRun> moves) {
        jdbc.sql("insert into plan_run (plan_id, region, status, auto_rollback, started_by, started_at, version) "
                        + "values (?, ?, ?, ?, ?, ?, 0)")
                .params(
                        run.planId.value(),
                        run.region,
                        run.status().name(),
                        run.autoRollback,
                        run.startedBy,
                        at(run.startedAt))
                .update();
        for (MoveRun m : moves) {
            MoveExecution e = m.execution;
            jdbc.sql(
                            "insert into move_run (plan_id, seq, registry, region, from_stamp, to_stamp, phase, batch, "
                                    + "observation_hours, state, state_since, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                    .params(
                            m.planId.value(),
                            m.seq,
                            e.registry(),
                            e.region(),
                            e.fromStamp(),
                            e.toStamp(),
                            m.phase,
                            m.batch,
                            m.observationHours,
                            e.state().name(),
                            at(e.stateSince()))
                    .update();
        }
    }

    boolean update(PlanRun run) {
        return jdbc.sql("update plan_run set status = ?, finished_at = ?, reason = ?, version = version + 1 "
                                + "where plan_id = ? and version = ?")
                        .params(
                                run.status().name(),
                                at(run.finishedAt()),
                                run.reason(),
                                run.planId.value(),
                                run.version)
                        .update()
                == 1;
    }

    Optional<PlanRun> run(PlanId planId) {
        return jdbc.sql("select * from plan_run where plan_id = ?")
                .param(planId.value())
                .query(this::planRun)
                .optional();
    }

    List<PlanRun> runs() {
        return jdbc.sql("select * from plan_run order by started_at desc")
                .query(this::planRun)
                .list();
    }

    List<PlanRun> active() {
        return jdbc.sql(
                        "select * from plan_run where status in ('RUNNING', 'PAUSED', 'ROLLING_BACK') order by started_at")
                .query(this::planRun)
                .list();
    }

    // ---- move runs -----------------------------------------------------------------------------

    List<MoveRun> moves(PlanId planId) {
        return jdbc.sql("select * from move_run where plan_id = ? order by seq")
                .param(planId.value())
                .query(this::moveRun)
                .list();
    }

    boolean update(MoveRun m) {
        MoveExecution e = m.execution;
        return jdbc.sql("update move_run set state = ?, paused_from = ?, state_since = ?, cutover_at = ?, "
                                + "drain_until = ?, validate_until = ?, baseline_p99_ms = ?, baseline_requests = ?, verdict = ?, "
                                + "evidence = ?, prediction_error_pp = ?, note = ?, version = version + 1 "
                                + "where plan_id = ? and seq = ? and version = ?")
                        .params(
                                e.state().name(),
                                e.pausedFrom() == null ? null : e.pausedFrom().name(),
                                at(e.stateSince()),
                                at(m.cutoverAt),
                                at(m.drainUntil),
                                at(m.validateUntil),
                                m.baselineP99Ms,
                                m.baselineRequests,
                                m.verdict == null ? null : m.verdict.name(),
                                m.evidence,
                                m.predictionErrorPp,
                                m.note,
                                m.planId.value(),
                                m.seq,
                                m.version)
                        .update()
                == 1;
    }

    // ---- step journal and predictions -----------------------------------------------------------

    /** Records that a move went through a step; false when it already had (the step is not run again). */
    boolean journal(PlanId planId, int seq, String step, Instant at, String executor, @Nullable String detail) {
        return insertOnce(
                jdbc.sql("insert into move_step (plan_id, seq, step, at, executor, detail) values (?, ?, ?, ?, ?, ?)")
                        .params(planId.value(), seq, step, at(at), executor, detail));
    }

    List<MoveStep> steps(PlanId planId) {
        return jdbc.sql("select * from move_step where plan_id = ? order by id")
                .param(planId.value())
                .query((rs, i) -> new MoveStep(
                        rs.getInt("seq"),
                        rs.getString("step"),
                        requiredInstant(rs, "at"),
                        rs.getString("executor"),
                        rs.getString("detail")))
                .list();
    }

    void savePrediction(PlanId planId, int seq, MovePrediction p) {
        jdbc.sql("delete from move_prediction where plan_id = ? and seq = ? and stamp = ? and pool = ?")
                .params(planId.value(), seq, p.stamp(), p.pool())
                .update();
        jdbc.sql("insert into move_prediction (plan_id, seq, stamp, pool, before_p95, predicted_p95, measured_p95) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(planId.value(), seq, p.stamp(), p.pool(), p.before(), p.predicted(), p.measured())
                .update();
    }

    List<MovePrediction> predictions(PlanId planId, int seq) {
        return predictions(planId).getOrDefault(seq, List.of());
    }

    /** Every move's predictions of a plan in one query, by move (the monitor reads them all every poll). */
    Map<Integer, List<MovePrediction>> predictions(PlanId planId) {
        Map<Integer, List<MovePrediction>> bySeq = new HashMap<>();
        jdbc.sql("select * from move_prediction where plan_id = ? order by seq, stamp, pool")
                .param(planId.value())
                .query(rs -> {
                    bySeq.computeIfAbsent(rs.getInt("seq"), k -> new ArrayList<>())
                            .add(new MovePrediction(
                                    rs.getString("stamp"),
                                    rs.getString("pool"),
                                    nullableDouble(rs, "before_p95"),
                                    nullableDouble(rs, "predicted_p95"),
                                    nullableDouble(rs, "measured_p95")));
                });
        return bySeq;
    }

    // ---- mapping -------------------------------------------------------------------------------

    private PlanRun planRun(ResultSet rs, int row) throws SQLException {
        return new PlanRun(
                PlanId.of(rs.getString("plan_id")),
                rs.getString("region"),
                RunStatus.valueOf(rs.getString("status")),
                rs.getBoolean("auto_rollback"),
                rs.getString("started_by"),
                requiredInstant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getString("reason"),
                rs.getInt("version"));
    }

    private MoveRun moveRun(ResultSet rs, int row) throws SQLException {
        String pausedFrom = rs.getString("paused_from");
        String verdict = rs.getString("verdict");
        MoveExecution execution = new MoveExecution(
                rs.getString("registry"),
                rs.getString("region"),
                rs.getString("from_stamp"),
                rs.getString("to_stamp"),
                MoveState.valueOf(rs.getString("state")),
                pausedFrom == null ? null : MoveState.valueOf(pausedFrom),
                null,
                instant(rs, "state_since"));
        return new MoveRun(
                PlanId.of(rs.getString("plan_id")),
                rs.getInt("seq"),
                rs.getInt("phase"),
                rs.getInt("batch"),
                rs.getInt("observation_hours"),
                execution,
                instant(rs, "cutover_at"),
                instant(rs, "drain_until"),
                instant(rs, "validate_until"),
                nullableDouble(rs, "baseline_p99_ms"),
                nullableDouble(rs, "baseline_requests"),
                verdict == null ? null : Verdict.valueOf(verdict),
                rs.getString("evidence"),
                nullableDouble(rs, "prediction_error_pp"),
                rs.getString("note"),
                rs.getInt("version"));
    }
}
