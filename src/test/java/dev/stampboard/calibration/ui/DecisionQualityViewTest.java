package dev.stampboard.calibration.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import dev.stampboard.KaribuTest;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The decision-quality page and {@code GET /api/v1/calibration} over two validated plans written the way the cutover
 * engine writes them: plan 1 (three moves) judged before plan 2 (two moves), so plan 2 is held out. Fewer moves than
 * the planner's calibration threshold, so no other test's plans change; the rows are removed afterwards.
 */
class DecisionQualityViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate rest;

    /** plan, seq, registry, from, to, pool, before, predicted, measured (stamp = from for the source rows). */
    private static final Object[][] ROWS = {
        {"dq-plan-1", 1, "contoso.azurecr.io", "eus-s03", "eus-s05", "DATAPROXY", 33.0, 28.0, 30.5},
        {"dq-plan-1", 2, "contosodev.azurecr.io", "eus-s03", "eus-s06", "DATAPROXY", 33.0, 31.0, 31.6},
        {"dq-plan-1", 3, "litwaredocs.azurecr.io", "eus-s03", "eus-s06", "REGISTRY", 34.0, 33.0, 32.2},
        {"dq-plan-2", 1, "northwindapps.azurecr.io", "eus-s03", "eus-s05", "DATAPROXY", 32.0, 27.0, 30.0},
        {"dq-plan-2", 2, "woodgrove.azurecr.io", "eus-s05", "eus-s06", "REGISTRY", 17.0, 14.0, 13.0},
    };

    @BeforeEach
    void twoValidatedPlans() {
        for (String plan : List.of("dq-plan-1", "dq-plan-2")) {
            jdbc.sql("insert into plan_run (plan_id, region, status, auto_rollback, started_by, started_at, version)"
                            + " values (?, 'eastus', 'COMPLETED', false, 'alice', ?, 0)")
                    .params(plan, OffsetDateTime.parse("2030-01-01T00:00:00Z"))
                    .update();
        }
        for (Object[] r : ROWS) {
            // plan 2 is judged a week after plan 1: it is the later campaign
            OffsetDateTime judged =
                    OffsetDateTime.parse(r[0].equals("dq-plan-1") ? "2030-01-02T00:00:00Z" : "2030-01-09T00:00:00Z");
            jdbc.sql(
                            "insert into move_run (plan_id, seq, registry, region, from_stamp, to_stamp, phase, batch, observation_hours,"
                                    + " state, state_since, cutover_at, version) values (?, ?, ?, 'eastus', ?, ?, 1, 1, 24, 'COMPLETED', ?, ?, 0)")
                    .params(r[0], r[1], r[2], r[3], r[4], judged, judged.minusHours(24))
                    .update();
            jdbc.sql("insert into move_prediction (plan_id, seq, stamp, pool, before_p95, predicted_p95, measured_p95)"
                            + " values (?, ?, ?, ?, ?, ?, ?)")
                    .params(r[0], r[1], r[3], r[5], r[6], r[7], r[8])
                    .update();
        }
    }

    @AfterEach
    void removeThem() {
        jdbc.sql("delete from move_prediction where plan_id like 'dq-plan-%'").update();
        jdbc.sql("delete from move_run where plan_id like 'dq-plan-%'").update();
        jdbc.sql("delete from plan_run where plan_id like 'dq-plan-%'").update();
    }

    @Test
    void shows_the_error_before_and_after_calibration_and_each_plans_worst_miss_with_the_worlds_reason() {
        login("dave");
        UI.getCurrent().navigate(DecisionQualityView.class);
        DecisionQualityView view = _get(DecisionQualityView.class);

        assertThat(view.summary.getText())
                .contains("Evaluated on plan dq-plan-2")
                .contains("mean absolute error");
        assertThat(view.scatter.getOptionJson())
                .contains("\"scatter\"")
                .contains("measured = predicted")
                .contains("[27.0,30.0]");
        assertThat(view.histogram.getOptionJson())
                .contains("\"uncalibrated\"")
                .contains("calibrated (held out)")
                .doesNotContain("in sample");
        assertThat(view.overTime.getOptionJson()).contains("\"time\"");
        // plan 1's worst miss is contoso's +2.5 pp; plan 2's northwindapps' +3.0 pp, each with a reason
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < GridKt._size(view.misses); i++) {
            rows.add(GridKt._getFormattedRow(view.misses, i));
        }
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("contoso.azurecr.io", "eus-s03 dataproxy", "+2.5 pp"));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r).contains("northwindapps.azurecr.io", "+3.0 pp");
            assertThat(r.get(6)).isNotBlank().isNotEqualTo("the fleet gives no reason");
        });
        assertThat(rows).noneSatisfy(r -> assertThat(r).contains("contosodev.azurecr.io"));
    }

    @Test
    void the_api_answers_with_the_contracts_field_names_and_the_held_out_error() {
        ResponseEntity<JsonNode> answer =
                rest.withBasicAuth("dave", "dave-pw").getForEntity("/api/v1/calibration", JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = answer.getBody();
        assertThat(body.get("moves").asInt()).isGreaterThanOrEqualTo(3);
        // plan 2 held out: errors +3.0 and −1.0 → mean absolute 2.0, bias +1.0
        assertThat(body.at("/uncalibrated/meanAbsErrorPp").asDouble()).isCloseTo(2.0, within(1e-9));
        assertThat(body.at("/uncalibrated/biasPp").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(body.at("/calibrated/meanAbsErrorPp").isNumber()).isTrue();
        assertThat(body.at("/calibrated/biasPp").isNumber()).isTrue();
        assertThat(body.get("evaluatedOn").asText()).contains("dq-plan-2");
        assertThat(body.get("heldOut").asBoolean()).isTrue();
    }
}
