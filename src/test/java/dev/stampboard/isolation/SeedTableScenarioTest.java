package dev.stampboard.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stampboard.SpringTest;
import dev.stampboard.cutover.CutoverExecutor;
import dev.stampboard.cutover.CutoverService;
import dev.stampboard.cutover.RunStatus;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.planning.ReportRow;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.engine.PoolState;
import dev.stampboard.simulator.SimulatorService;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The seed's own case through the console's normal path (DESIGN §12, issue 12): OpenMind AI asks for isolation of
 * all 40 registries, support approves, the dedicated stamp is provisioned, the migration plan is approved by an
 * engineer and executed phase by phase on the simulated clock. The plan's outcome report must then read like the
 * seed's table — stamp A registry −7 % (flat) and dataproxy −34 % (96 → 64 %) within 5 points of the relative
 * change; stamp B registry −3 pp and dataproxy −5 pp within 1.5 pp — and the console must still see A HOT and propose
 * moves for its remaining tenants. A database of its own (unavoidable): the table needs the seed fleet as the seed made
 * it, and the shared scenario fleet has been changed by the scenarios before; it moves 40 registries and runs the
 * clock for two weeks.
 */
@dev.stampboard.ScenarioTest
@org.junit.jupiter.api.Order(9)
@org.springframework.test.context.TestPropertySource(
        properties = "spring.datasource.url=jdbc:h2:mem:seed-table;DB_CLOSE_DELAY=-1")
@org.springframework.test.annotation.DirtiesContext
class SeedTableScenarioTest extends SpringTest {

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

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

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
            simulator.advance(5);
            progress.progress(filed.id());
        }
        PlanDetails plan = planning.get(review.get(filed.id()).planId());
        assertThat(plan.moves()).hasSize(40);
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
        planning.approve(plan.id());
        Requests.as(users, "alice");
        cutover.start(plan.id(), false);
        for (int hour = 0; hour < 20 * 24 && !planning.get(plan.id()).status().isFinished(); hour++) {
            simulator.advance(60);
            executor.runOnce();
            if (cutover.run(plan.id())
                    .map(run -> run.status() == RunStatus.PAUSED)
                    .orElse(false)) {
                cutover.resume(plan.id());
            }
        }
        assertThat(planning.get(plan.id()).status())
                .as(String.valueOf(cutover.moves(plan.id())))
                .isEqualTo(PlanStatus.COMPLETED);

        List<ReportRow> report = planning.report(plan.id());
        ReportRow aRegistry = row(report, "eus-s01", "REGISTRY");
        ReportRow aDataproxy = row(report, "eus-s01", "DATAPROXY");
        ReportRow bRegistry = row(report, "eus-s02", "REGISTRY");
        ReportRow bDataproxy = row(report, "eus-s02", "DATAPROXY");
        String table = report.toString();
        assertThat(aRegistry.changePct()).as(table).isCloseTo(-7.0, within(5.0));
        assertThat(aDataproxy.changePct()).as(table).isCloseTo(-34.0, within(5.0));
        assertThat(aDataproxy.before()).as(table).isCloseTo(96.0, within(3.0));
        assertThat(bRegistry.changePp()).as(table).isCloseTo(-3.0, within(1.5));
        assertThat(bDataproxy.changePp()).as(table).isCloseTo(-5.0, within(1.5));

        // A stays hot: its other tenants keep it there, and the console proposes their moves next
        assertThat(signals.poolState("eus-s01", PoolKind.DATAPROXY)).isEqualTo(PoolState.HOT);
        PlanDetails next = planning.propose("eastus", List.of("eus-s01"), null);
        assertThat(next.moves().size() + next.isolations().size()).isPositive();
        assertThat(next.moves()).allSatisfy(m -> {
            assertThat(m.fromStamp()).isEqualTo("eus-s01");
            assertThat(m.registry()).doesNotStartWith("openmind");
        });
    }

    private static ReportRow row(List<ReportRow> report, String stamp, String pool) {
        return report.stream()
                .filter(r -> r.stamp().equals(stamp) && r.pool().equals(pool))
                .findFirst()
                .orElseThrow();
    }
}
