package dev.stampboard.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.SpringTest;
import dev.stampboard.calibration.CalibrationService;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12: the planner predicts with the calibrated model once enough moves have been measured, and the plan says so
 * ("calibrated from 37 moves"); until then it says it is uncalibrated. The moves are written the way the cutover
 * engine writes validated moves (each with its source and destination pool, so pools and moves differ in number), and
 * the expected count is the test's own: the moves it wrote on top of those the shared fleet already had measured.
 */
class PlanCalibrationNoteTest extends SpringTest {

    private static final String PREFIX = "cal-note-";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    CalibrationService calibration;

    @AfterEach
    void removeThem() {
        jdbc.sql("delete from move_prediction where plan_id like 'cal-note-%'").update();
        jdbc.sql("delete from move_run where plan_id like 'cal-note-%'").update();
        jdbc.sql("delete from plan_run where plan_id like 'cal-note-%'").update();
    }

    @Test
    void a_plan_says_it_is_calibrated_and_from_how_many_moves_only_once_enough_moves_are_measured() {
        int minMoves = calibration.minMoves();
        // moves other tests of this JVM have run to a verdict, each counted once however many pools it measured
        int measured = jdbc.sql("select count(*) from (select distinct p.plan_id, p.seq from move_prediction p"
                        + " join move_run r on r.plan_id = p.plan_id and r.seq = p.seq where p.measured_p95 is not null"
                        + " and p.predicted_p95 is not null and p.before_p95 is not null) m")
                .query(Integer.class)
                .single();
        if (measured < minMoves - 1) {
            measured += validatedPlan(PREFIX + "1", minMoves - 1 - measured, "2031-01-02T00:00:00Z");
        }
        if (measured < minMoves) {
            String notes = proposedNotes();
            assertThat(notes)
                    .contains("Predictions uncalibrated: " + measured + " moves measured so far, calibration starts at "
                            + minMoves)
                    .doesNotContain("calibrated from");
        }

        measured += validatedPlan(PREFIX + "2", 3, "2031-01-09T00:00:00Z");

        assertThat(measured).isGreaterThanOrEqualTo(minMoves);
        assertThat(proposedNotes())
                .contains("Predictions calibrated from " + measured + " moves")
                .doesNotContain("uncalibrated");
    }

    private String proposedNotes() {
        ResponseEntity<JsonNode> plan = rest.withBasicAuth("alice", "alice-pw")
                .postForEntity("/api/v1/plans", Map.of("region", "eastus"), JsonNode.class);
        assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return plan.getBody().get("notes").asText();
    }

    /** A completed plan of {@code moves} validated moves, each measured on its source and its destination pool. */
    private int validatedPlan(String plan, int moves, String judgedAt) {
        OffsetDateTime judged = OffsetDateTime.parse(judgedAt);
        jdbc.sql("insert into plan_run (plan_id, region, status, auto_rollback, started_by, started_at, version)"
                        + " values (?, 'eastus', 'COMPLETED', false, 'alice', ?, 0)")
                .params(plan, judged.minusDays(2))
                .update();
        for (int seq = 1; seq <= moves; seq++) {
            jdbc.sql("insert into move_run (plan_id, seq, registry, region, from_stamp, to_stamp, phase, batch,"
                            + " observation_hours, state, state_since, cutover_at, version)"
                            + " values (?, ?, ?, 'eastus', 'eus-s03', 'eus-s05', 1, ?, 24, 'COMPLETED', ?, ?, 0)")
                    .params(plan, seq, "calnote" + seq + ".azurecr.io", seq, judged, judged.minusHours(24))
                    .update();
            insertPool(plan, seq, "eus-s03", 33.0, 28.0, 29.5);
            insertPool(plan, seq, "eus-s05", 17.0, 20.0, 21.0);
        }
        return moves;
    }

    private void insertPool(String plan, int seq, String stamp, double before, double predicted, double measured) {
        jdbc.sql("insert into move_prediction (plan_id, seq, stamp, pool, before_p95, predicted_p95, measured_p95)"
                        + " values (?, ?, ?, 'DATAPROXY', ?, ?, ?)")
                .params(plan, seq, stamp, before, predicted, measured)
                .update();
    }
}
