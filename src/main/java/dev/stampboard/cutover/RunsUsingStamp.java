package dev.stampboard.cutover;

import dev.stampboard.fleet.StampInUse;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The moves of plan runs not finished (running, paused, rolling back) that have the stamp as source or destination,
 * for the fleet's retirement guard. A move already rolled back is left out: it will not act again. A completed move
 * counts, because rolling the whole plan back puts its replica back onto its source.
 */
@Component
class RunsUsingStamp implements StampInUse {

    private final JdbcClient jdbc;

    RunsUsingStamp(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> usesOf(String stamp) {
        return jdbc.sql("select r.plan_id, r.status, m.registry, m.from_stamp, m.to_stamp from move_run m"
                        + " join plan_run r on r.plan_id = m.plan_id"
                        + " where r.status in ('RUNNING', 'PAUSED', 'ROLLING_BACK') and m.state <> 'ROLLED_BACK'"
                        + " and (m.from_stamp = ? or m.to_stamp = ?) order by r.started_at, m.seq")
                .params(stamp, stamp)
                .query((rs, n) -> "plan " + rs.getString("plan_id") + " (" + rs.getString("status") + ") moves "
                        + rs.getString("registry") + " " + rs.getString("from_stamp") + " → "
                        + rs.getString("to_stamp"))
                .list();
    }
}
