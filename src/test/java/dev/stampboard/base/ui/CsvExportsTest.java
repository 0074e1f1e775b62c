package dev.stampboard.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.stampboard.KaribuTest;
import dev.stampboard.audit.ui.AuditView;
import dev.stampboard.dashboard.ui.FleetView;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanEvidence;
import dev.stampboard.planning.PlanMove;
import dev.stampboard.planning.PlanPrediction;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.planning.ui.PlanReportView;
import dev.stampboard.planning.ui.PlanReviewView;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.StampSignals;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15 item 15: every "Download CSV" of the console — the dashboard's stamp table, a plan's moves, its
 * outcome report and the audit log — downloaded as the browser would (the link's download handler), read back
 * with a CSV reader of its own (RFC 4180) and compared, header and row by row, with figures found here without
 * the view: P95s by nearest rank from the hot-node minutes, thresholds from the settings, moves and predictions
 * from the plan, audit rows straight from the table.
 */
class CsvExportsTest extends KaribuTest {

    @Autowired
    SignalsService signals;

    @Autowired
    PlanningService planning;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_stamp_table_csv_has_every_stamp_shown_with_its_p95_and_state() {
        login("dave");
        UI.getCurrent().navigate(FleetView.class, com.vaadin.flow.router.QueryParameters.of("region", "eastus"));
        FleetView view = _get(FleetView.class);
        List<List<String>> csv = download("stamps.csv");

        assertThat(csv.get(0))
                .containsExactly(
                        "stamp",
                        "region",
                        "kind",
                        "status",
                        "registry_p95",
                        "registry_state",
                        "dataproxy_p95",
                        "dataproxy_state");
        @SuppressWarnings("unchecked")
        Grid<StampSignals> table = (Grid<StampSignals>) _get(view, Grid.class, spec -> spec.withId("stamps"));
        List<String> shownNames = new ArrayList<>();
        for (int i = 0; i < GridKt._size(table); i++) {
            shownNames.add(GridKt._get(table, i).stamp().name());
        }
        List<List<String>> rows = csv.subList(1, csv.size());
        assertThat(rows)
                .extracting(r -> r.get(0))
                .as("the rows, in the table's order")
                .containsExactlyElementsOf(shownNames);
        var stamps = signals.stampSignalsIn("eastus");
        assertThat(rows).hasSize(stamps.size()).hasSizeGreaterThanOrEqualTo(5);
        for (List<String> row : rows) {
            var stamp = stamps.stream()
                    .filter(s -> s.stamp().name().equals(row.get(0)))
                    .findFirst()
                    .orElseThrow()
                    .stamp();
            assertThat(row.subList(1, 4))
                    .as(row.get(0))
                    .containsExactly(
                            "eastus", stamp.kind().name(), stamp.status().name());
            for (PoolKind pool : PoolKind.values()) {
                int at = pool == PoolKind.REGISTRY ? 4 : 6;
                double[] minutes =
                        signals.hotNodeSeries(row.get(0), pool, null, null).values();
                if (minutes.length == 0) {
                    continue; // a stamp another test is provisioning has no telemetry yet
                }
                double p95 = nearestRankP95(minutes);
                String state = p95 > signals.settings().hotThreshold()
                        ? "HOT"
                        : p95 >= signals.settings().warnThreshold() ? "WARN" : "OK";
                assertThat(Double.parseDouble(row.get(at)))
                        .as("%s %s P95", row.get(0), pool)
                        .isEqualTo(p95);
                assertThat(row.get(at + 1)).as("%s %s state", row.get(0), pool).isEqualTo(state);
            }
        }
        assertThat(rows).anySatisfy(r -> assertThat(r.get(7)).isEqualTo("HOT")); // the seed's eus-s01 dataproxy
    }

    @Test
    void a_plans_moves_csv_has_one_row_per_move_and_its_outcome_csv_one_per_stamp_pool() {
        login("alice");
        PlanDetails plan = planning.propose("eastus", List.of(), null);
        assertThat(plan.moves()).isNotEmpty();
        UI.getCurrent().navigate(PlanReviewView.class, new RouteParameters("id", plan.id()));
        List<List<String>> moves = download("plan-" + plan.id().substring(0, 8) + "-moves.csv");
        assertThat(moves.get(0))
                .containsExactly(
                        "phase",
                        "batch",
                        "registry",
                        "region",
                        "from",
                        "to",
                        "observe_hours",
                        "state",
                        "why_registry",
                        "why_destination");
        assertThat(moves).hasSize(plan.moves().size() + 1);
        for (int i = 0; i < plan.moves().size(); i++) {
            PlanMove m = plan.moves().get(i);
            assertThat(moves.get(i + 1))
                    .as("move %d", i)
                    .containsExactly(
                            Integer.toString(m.phase()),
                            Integer.toString(m.batch()),
                            m.registry(),
                            m.region(),
                            m.fromStamp(),
                            m.toStamp(),
                            Integer.toString(m.observationHours()),
                            "PLANNED", // proposed, not yet approved: no move has started
                            m.whyRegistry(),
                            m.whyDestination());
        }
        assertThat(moves.stream().anyMatch(r -> String.join("", r).contains(",")))
                .as("a reason with a comma survives the quoting")
                .isTrue();

        UI.getCurrent().navigate(PlanReportView.class, new RouteParameters("id", plan.id()));
        List<List<String>> report = download("plan-" + plan.id().substring(0, 8) + "-outcome.csv");
        assertThat(report.get(0))
                .containsExactly(
                        "stamp",
                        "pool",
                        "before_p95",
                        "after_p95",
                        "change_pp",
                        "change_pct",
                        "predicted_p95",
                        "measured_at");
        assertThat(report).hasSize(plan.predictions().size() + 1);
        for (int i = 0; i < plan.predictions().size(); i++) {
            PlanPrediction p = plan.predictions().get(i);
            List<String> row = report.get(i + 1);
            double before = plan.evidence().stream()
                    .filter(e -> e.stamp().equals(p.stamp()) && e.pool().equals(p.pool()))
                    .map(PlanEvidence::p95)
                    .findFirst()
                    .orElseThrow();
            // not executed: "after" is the pool's P95 now, from the hot-node minutes by nearest rank
            double after = nearestRankP95(signals.hotNodeSeries(p.stamp(), PoolKind.valueOf(p.pool()), null, null)
                    .values());
            assertThat(row.subList(0, 2)).containsExactly(p.stamp(), p.pool());
            assertThat(Double.parseDouble(row.get(2)))
                    .as("%s before", p.stamp())
                    .isEqualTo(before);
            assertThat(Double.parseDouble(row.get(3))).as("%s after", p.stamp()).isEqualTo(after);
            assertThat(Double.parseDouble(row.get(4))).isCloseTo(after - before, within(1e-9));
            assertThat(Double.parseDouble(row.get(5))).isCloseTo((after - before) / before * 100, within(1e-9));
            assertThat(Double.parseDouble(row.get(6)))
                    .as("%s predicted", p.stamp())
                    .isEqualTo(p.afterP95());
            assertThat(row.get(7)).as("not measured: the plan has not run").isEmpty();
        }
    }

    @Test
    void the_audit_log_csv_has_the_rows_the_filter_shows() {
        login("alice");
        PlanDetails plan = planning.propose("eastus", List.of(), null);
        login("dave");
        UI.getCurrent().navigate(AuditView.class);
        AuditView view = _get(AuditView.class);
        _get(
                        view,
                        com.vaadin.flow.component.textfield.TextField.class,
                        spec -> spec.withLabel("Subject or detail contains"))
                .setValue(plan.id());
        List<List<String>> csv = download("audit-log.csv");
        assertThat(csv.get(0)).containsExactly("at", "actor", "action", "subject", "detail");

        // straight from the table: every entry naming the plan, newest first
        List<List<String>> expected = new ArrayList<>();
        jdbc
                .sql("select at, actor, action, subject, detail from audit_event order by id desc")
                .query((rs, n) -> Arrays.asList(
                        rs.getObject("at", OffsetDateTime.class).toInstant().toString(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("subject"),
                        rs.getString("detail")))
                .list()
                .stream()
                .filter(r -> String.valueOf(r.get(3)).contains(plan.id())
                        || String.valueOf(r.get(4)).contains(plan.id()))
                .map(r -> r.stream().map(c -> c == null ? "" : c).toList())
                .forEach(expected::add);
        assertThat(expected).as("the proposal was audited").isNotEmpty();
        assertThat(csv.subList(1, csv.size())).containsExactlyElementsOf(expected);
        assertThat(Instant.parse(csv.get(1).get(0))).isNotNull();
    }

    // ---- downloading and reading -----------------------------------------------------------------

    /** What the browser saves when the "Download CSV" link for {@code fileName} is clicked, as rows of cells. */
    private static List<List<String>> download(String fileName) {
        Anchor link = _get(
                Anchor.class,
                spec -> spec.withClasses("csv-export")
                        .withPredicate(a ->
                                ("Download " + fileName).equals(a.getElement().getAttribute("aria-label"))));
        var resource = (StreamResourceRegistry.ElementStreamResource) VaadinSession.getCurrent()
                .getResourceRegistry()
                .getResource(URI.create(link.getHref()))
                .orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VaadinResponse response = Mockito.mock(VaadinResponse.class);
        try {
            Mockito.when(response.getOutputStream()).thenReturn(out);
            ((DownloadHandler) resource.getElementRequestHandler())
                    .handleDownloadRequest(new DownloadEvent(
                            VaadinRequest.getCurrent(), response, VaadinSession.getCurrent(), resource.getOwner()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Mockito.verify(response).setContentType("text/csv");
        return parse(out.toString(StandardCharsets.UTF_8));
    }

    /** RFC 4180: CRLF between records, fields quoted when they hold a comma, quote or line break. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field.length() == 0 && record.isEmpty())
                .as("the file ends with CRLF")
                .isTrue();
        return records;
    }

    private static double nearestRankP95(double[] minutes) {
        double[] sorted = minutes.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
    }
}
