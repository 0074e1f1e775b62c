package dev.stampboard.isolation;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouteParameters;
import dev.stampboard.KaribuTest;
import dev.stampboard.base.Actor;
import dev.stampboard.base.ui.chart.EChart;
import dev.stampboard.calibration.ui.DecisionQualityView;
import dev.stampboard.cutover.CutoverExecutor;
import dev.stampboard.cutover.CutoverService;
import dev.stampboard.cutover.RunStatus;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanId;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.planning.ReportRow;
import dev.stampboard.planning.ui.PlanReportView;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.engine.PoolState;
import dev.stampboard.simulator.SimulatorService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The seed's own case through the console's normal path (DESIGN §12, issue 12): OpenMind AI asks for isolation of
 * all 40 registries, support approves, the dedicated stamp is provisioned, the migration plan is approved by an
 * engineer and executed phase by phase on the simulated clock. The plan's outcome report must then read like the
 * seed's table — stamp A registry −7 % (flat) and dataproxy −34 % (96 → 64 %) within 5 points of the relative
 * change; stamp B registry −3 pp and dataproxy −5 pp within 1.5 pp — and the console must still see A HOT and propose
 * moves for its remaining tenants. The table is read where an operator reads it: the service, the outcome report API
 * ({@code GET /api/v1/plans/{id}/report}) and the outcome report page; A's state and the next proposal through the API
 * as well. The expected figures are the seed's, never the code's. A database of its own (unavoidable): the table needs the seed fleet as the seed made
 * it, and the shared scenario fleet has been changed by the scenarios before; it moves 40 registries and runs the
 * clock for two weeks.
 */
@dev.stampboard.ScenarioTest
@org.junit.jupiter.api.Order(9)
@org.springframework.test.context.TestPropertySource(
        properties = "spring.datasource.url=jdbc:h2:mem:seed-table;DB_CLOSE_DELAY=-1")
@org.springframework.test.annotation.DirtiesContext
class SeedTableScenarioTest extends KaribuTest {

    /** The seed's table (SEED.md, issue 12): what isolating OpenMind AI did to stamps A and B. */
    private static final double A_REGISTRY_CHANGE_PCT = -7.0;

    private static final double A_DATAPROXY_CHANGE_PCT = -34.0;
    private static final double A_DATAPROXY_BEFORE = 96.0;
    private static final double B_REGISTRY_CHANGE_PP = -3.0;
    private static final double B_DATAPROXY_CHANGE_PP = -5.0;
    /** The tolerances: A within 5 points of the relative change, B within 1.5 pp of the absolute change. */
    private static final double A_TOLERANCE_POINTS = 5.0;

    private static final double B_TOLERANCE_PP = 1.5;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    IsolationIntake intake;

    @Autowired
    IsolationReview review;

    @Autowired
    IsolationProgress progress;

    @Autowired
    PlanningService planning;

    @Autowired
    FleetService fleet;

    @Autowired
    SimulatorService simulator;

    @Autowired
    UserDetailsService users;

    @Autowired
    CutoverService cutover;

    @Autowired
    CutoverExecutor executor;

    @Autowired
    SignalsService signals;

    @Test
    void isolating_the_ai_customer_reproduces_the_seeds_table_and_a_stays_hot() {
        List<String> ai = fleet.registriesOf(Requests.CUSTOMER).stream()
                .map(RegistryInfo::name)
                .toList();
        assertThat(ai).hasSize(40);
        assertThat(signals.poolState("eus-s01", PoolKind.DATAPROXY)).isEqualTo(PoolState.HOT);

        // the customer files, support reviews and approves; the dedicated stamp is provisioned on the simulated clock
        Requests.as(users, "frank");
        // the customer asks for room to grow: 80 Gbit/s of pulls at peak, twice what A's dataproxy serves it today
        IsolationRequestDetails filed = intake.file(new NewIsolationRequest(
                Requests.CUSTOMER, ai, 40000L, 80.0, 600.0, Requests.WHY, Requests.WANTED_BY, null));
        Requests.as(users, "erin");
        review.startReview(filed.id());
        review.approve(filed.id());
        Requests.as(users, "dave");
        for (int minute = 0; minute < 180 && review.get(filed.id()).state() != IsolationState.MIGRATING; minute += 5) {
            simulator.advance(5, Actor.SYSTEM);
            progress.progress(filed.id());
        }
        PlanDetails plan = planning.get(PlanId.of(review.get(filed.id()).planId()));
        assertThat(plan.moves()).hasSize(40);
        // nothing has been measured in this fleet yet: the plan predicts uncalibrated and says so
        assertThat(plan.notes())
                .contains("Predictions uncalibrated: 0 moves measured so far")
                .doesNotContain("calibrated from");
        // the seed's playbook: 24 low registries together, medium ones in sub-batches (24 h), the big four alone (48 h)
        assertThat(plan.moves())
                .extracting(dev.stampboard.planning.PlanMove::phase)
                .contains(1, 2, 3);
        assertThat(plan.moves())
                .filteredOn(m -> m.phase() == 3)
                .isNotEmpty()
                .extracting(dev.stampboard.planning.PlanMove::observationHours)
                .containsOnly(48);

        // an engineer approves and starts it; marginal verdicts are accepted by an engineer, as an operator would
        Requests.as(users, "bob");
        planning.approve(plan.planId());
        Requests.as(users, "alice");
        cutover.start(plan.planId(), false);
        for (int hour = 0;
                hour < 20 * 24 && !planning.get(plan.planId()).status().isFinished();
                hour++) {
            simulator.advance(60, Actor.SYSTEM);
            executor.runOnce();
            if (cutover.run(plan.planId())
                    .map(run -> run.status() == RunStatus.PAUSED)
                    .orElse(false)) {
                cutover.resume(plan.planId());
            }
        }
        assertThat(planning.get(plan.planId()).status())
                .as(String.valueOf(cutover.moves(plan.planId())))
                .isEqualTo(PlanStatus.COMPLETED);

        // the table through the service, the outcome report API and the outcome report page
        List<ReportRow> report = planning.report(plan.planId());
        assertSeedsTable("service", outcomes(report));
        ResponseEntity<JsonNode> api = viewer().getForEntity("/api/v1/plans/" + plan.id() + "/report", JsonNode.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertSeedsTable("API", outcomes(api.getBody()));
        login("dave");
        UI.getCurrent().navigate(PlanReportView.class, new RouteParameters("id", plan.id()));
        assertSeedsTable("outcome report page", outcomes(_get(Grid.class, spec -> spec.withId("report"))));

        // A stays hot: its other tenants keep it there, and the console proposes their moves next
        assertThat(signals.poolState("eus-s01", PoolKind.DATAPROXY)).isEqualTo(PoolState.HOT);
        JsonNode a = viewer().getForObject("/api/v1/stamps/eus-s01", JsonNode.class);
        assertThat(pool(a, "DATAPROXY").get("state").asText()).isEqualTo("HOT");
        JsonNode b = viewer().getForObject("/api/v1/stamps/eus-s02", JsonNode.class);
        assertThat(pool(b, "REGISTRY").get("state").asText()).isEqualTo("OK");
        assertThat(pool(b, "DATAPROXY").get("state").asText()).isEqualTo("OK");
        ResponseEntity<JsonNode> proposed = rest.withBasicAuth("alice", "alice-pw")
                .postForEntity(
                        "/api/v1/plans", Map.of("region", "eastus", "stamps", List.of("eus-s01")), JsonNode.class);
        assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode next = proposed.getBody();
        assertThat(next.get("moves")).as(next.toString()).isNotEmpty();
        next.get("moves").forEach(m -> {
            assertThat(m.get("from").asText()).isEqualTo("eus-s01");
            assertThat(m.get("registry").asText()).doesNotStartWith("openmind");
        });
        // the 40 moves this test executed are what the next plan is calibrated from
        assertThat(next.get("notes").asText())
                .contains("Predictions calibrated from " + plan.moves().size() + " moves");

        // one plan validated: the decision-quality page measures the calibration in sample and labels it so
        UI.getCurrent().navigate(DecisionQualityView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("calibration-summary"))
                        .getText())
                .contains("in sample");
        assertThat(_get(EChart.class, spec -> spec.withId("error-histogram")).getOptionJson())
                .contains("calibrated (in sample)")
                .doesNotContain("held out");
    }

    private TestRestTemplate viewer() {
        return rest.withBasicAuth("dave", "dave-pw");
    }

    /** One stamp pool of the outcome report as a surface shows it. */
    private record Outcome(double before, double changePp, double changePct) {}

    private static void assertSeedsTable(String surface, Map<String, Outcome> table) {
        String as = surface + ": " + table;
        Outcome aRegistry = table.get("eus-s01 REGISTRY");
        Outcome aDataproxy = table.get("eus-s01 DATAPROXY");
        Outcome bRegistry = table.get("eus-s02 REGISTRY");
        Outcome bDataproxy = table.get("eus-s02 DATAPROXY");
        assertThat(List.of(aRegistry, aDataproxy, bRegistry, bDataproxy)).as(as).doesNotContainNull();
        assertThat(aRegistry.changePct()).as(as).isCloseTo(A_REGISTRY_CHANGE_PCT, within(A_TOLERANCE_POINTS));
        assertThat(aDataproxy.changePct()).as(as).isCloseTo(A_DATAPROXY_CHANGE_PCT, within(A_TOLERANCE_POINTS));
        assertThat(aDataproxy.before()).as(as).isCloseTo(A_DATAPROXY_BEFORE, within(3.0));
        assertThat(bRegistry.changePp()).as(as).isCloseTo(B_REGISTRY_CHANGE_PP, within(B_TOLERANCE_PP));
        assertThat(bDataproxy.changePp()).as(as).isCloseTo(B_DATAPROXY_CHANGE_PP, within(B_TOLERANCE_PP));
    }

    private static Map<String, Outcome> outcomes(List<ReportRow> report) {
        Map<String, Outcome> out = new LinkedHashMap<>();
        for (ReportRow r : report) {
            if (r.before() != null && r.changePp() != null && r.changePct() != null) {
                out.put(r.stamp() + " " + r.pool(), new Outcome(r.before(), r.changePp(), r.changePct()));
            }
        }
        return out;
    }

    private static Map<String, Outcome> outcomes(JsonNode report) {
        Map<String, Outcome> out = new LinkedHashMap<>();
        for (JsonNode r : report.get("rows")) {
            if (r.get("changePp").isNumber() && r.get("changePct").isNumber()) {
                out.put(
                        r.get("stamp").asText() + " " + r.get("pool").asText(),
                        new Outcome(
                                r.get("before").asDouble(),
                                r.get("changePp").asDouble(),
                                r.get("changePct").asDouble()));
            }
        }
        return out;
    }

    /** The page's grid as an operator reads it: "96.1 %", "−3.2 pp", "−34.0 %". */
    private static Map<String, Outcome> outcomes(Grid<?> grid) {
        Map<String, Outcome> out = new LinkedHashMap<>();
        List<String> header = new ArrayList<>();
        grid.getColumns().forEach(c -> header.add(c.getKey()));
        for (int i = 0; i < GridKt._size(grid); i++) {
            List<String> cells = GridKt._getFormattedRow(grid, i);
            String changePp = cells.get(header.indexOf("changePp"));
            if (changePp.equals("—")) {
                continue;
            }
            out.put(
                    cells.get(header.indexOf("stamp")) + " " + cells.get(header.indexOf("pool")),
                    new Outcome(
                            number(cells.get(header.indexOf("before"))),
                            number(changePp),
                            number(cells.get(header.indexOf("changePct")))));
        }
        return out;
    }

    private static double number(String cell) {
        return Double.parseDouble(cell.replace("pp", "").replace("%", "").trim());
    }

    private static JsonNode pool(JsonNode stamp, String pool) {
        for (JsonNode p : stamp.get("pools")) {
            if (p.get("pool").asText().equals(pool)) {
                return p;
            }
        }
        throw new AssertionError(pool + " not in " + stamp);
    }
}
