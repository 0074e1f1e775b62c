package dev.stampboard.cutover;

import static dev.stampboard.cutover.Executions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.stampboard.ScenarioTest;
import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.base.TransitionRefused;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanMove;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.planning.ReportRow;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.simulator.SimulatorService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The seed case end to end on the accelerated clock (issue 5's scenario): the planner's plan for
 * eastus, submitted by alice and approved by bob, executed phase by phase with its 24 h and 48 h
 * windows (the dedicated stamps provisioned on the way), until stamp A's dataproxy pool is under the
 * threshold — and the outcome report says exactly what the signals engine measured before and after.
 */
@ScenarioTest
@org.junit.jupiter.api.Order(8)
class SeedCampaignScenarioTest extends SpringTest {

    @Autowired
    PlanningService planning;

    @Autowired
    CutoverService cutover;

    @Autowired
    CutoverExecutor executor;

    @Autowired
    SimulatorService simulator;

    @Autowired
    SignalsService signals;

    @Autowired
    FleetService fleet;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    /** The test profile's simulated start: the seed's figures hold at that time of day. */
    @org.springframework.beans.factory.annotation.Value("${stampboard.simulator.start}")
    java.time.Instant seedStart;

    /** Earlier scenario tests ran the clock on by whole hours; come back to the seed's time of day. */
    private void atTheSeedsTimeOfDay() {
        long pastDay = java.time.Duration.between(seedStart, simulator.now()).toMinutes() % 1440;
        if (pastDay > 0) {
            simulator.advance((int) (1440 - pastDay), Actor.SYSTEM);
        }
    }

    @Test
    void the_seed_plan_executed_relieves_stamp_a_and_the_report_matches_the_measurements() {
        atTheSeedsTimeOfDay();
        as("alice");
        PlanDetails plan =
                planning.submit(planning.propose("eastus", List.of(), null).planId());
        Map<String, Double> measuredBefore = p95s(plan);
        as("bob");
        planning.approve(plan.planId());
        // the seed's playbook: low registries together, medium ones in sub-batches (24 h), high ones alone (48 h);
        // relieving A and the second hot stamp takes high-traffic registries (all three phases: SeedTableScenarioTest)
        assertThat(plan.moves()).isNotEmpty();
        assertThat(plan.moves())
                .filteredOn(m -> m.phase() == 3)
                .extracting(PlanMove::observationHours)
                .containsOnly(48);
        assertThat(plan.moves()).filteredOn(m -> m.phase() < 3).allMatch(m -> m.observationHours() == 24);
        assertThat(plan.moves())
                .filteredOn(m -> m.phase() == 3)
                .extracting(PlanMove::batch)
                .doesNotHaveDuplicates();
        long batches = plan.moves().stream()
                .map(m -> m.phase() * 1000 + m.batch())
                .distinct()
                .count();

        as("alice");
        cutover.start(plan.planId(), false);
        Map<String, Double> measuredAfter = null;
        MoveRunDetails failed = null;
        int halfHours = 0;
        int marginal = 0;
        while (halfHours < 30 * 48) {
            executor.runOnce();
            PlanRunDetails run = cutover.run(plan.planId()).orElseThrow();
            if (run.status() == RunStatus.COMPLETED) {
                measuredAfter = p95s(plan);
                break;
            }
            // since issue 12 the world can disagree with a prediction: a marginal verdict pauses the plan and an
            // engineer accepts it, as in operation; a move the world fails stops the plan (judged below)
            failed = cutover.moves(plan.planId()).stream()
                    .filter(m -> m.verdict() == Verdict.FAIL)
                    .findFirst()
                    .orElse(null);
            if (failed != null) {
                break;
            }
            if (run.status() == RunStatus.PAUSED) {
                marginal++;
                cutover.resume(plan.planId());
            } else {
                assertThat(run.status())
                        .as(run.reason() + "\n"
                                + cutover.moves(plan.planId()).stream()
                                        .map(m -> m.registry() + " " + m.state() + " " + m.evidence())
                                        .toList())
                        .isEqualTo(RunStatus.RUNNING);
            }
            simulator.advance(30, Actor.SYSTEM);
            halfHours++;
        }
        if (failed != null) {
            aFailedMoveStopsThePlanAndRollsBackCleanly(plan, failed);
            return;
        }
        assertThat(measuredAfter)
                .as("the plan completed within 30 simulated days (%d batches)", batches)
                .isNotNull();
        assertThat(planning.get(plan.planId()).status()).isEqualTo(PlanStatus.COMPLETED);
        assertThat(cutover.moves(plan.planId())).allSatisfy(m -> {
            assertThat(m.state()).isEqualTo(MoveState.COMPLETED);
            assertThat(m.verdict()).isIn(Verdict.PASS, Verdict.MARGINAL);
        });
        assertThat(cutover.moves(plan.planId()))
                .filteredOn(m -> m.verdict() == Verdict.MARGINAL)
                .hasSize(marginal);

        List<ReportRow> report = planning.report(plan.planId());
        ReportRow stampA = report.stream()
                .filter(r -> r.stamp().equals("eus-s01") && r.pool().equals("DATAPROXY"))
                .findFirst()
                .orElseThrow();
        assertThat(stampA.before()).isGreaterThan(90.0);
        assertThat(stampA.after()).as("stamp A's dataproxy under the threshold").isLessThan(45.0);
        for (ReportRow row : report) {
            String key = row.stamp() + "/" + row.pool();
            assertThat(row.before()).as("before of " + key).isEqualTo(measuredBefore.get(key));
            assertThat(row.after()).as("after of " + key).isEqualTo(measuredAfter.get(key));
            assertThat(row.changePp()).isCloseTo(row.after() - row.before(), within(1e-9));
        }
        for (PlanMove move : planning.get(plan.planId()).moves()) {
            assertThat(fleet.registry(move.registry()).orElseThrow().homeStamp("eastus"))
                    .contains(move.toStamp());
        }
    }

    /**
     * The world (issue 12) can fail a move the planner predicted would fit (in the seed, a registry's hidden
     * cost and the destination's cache warm-up). The executor must then hold the plan, refuse to resume it,
     * and a rollback must put every replica back on the stamp it came from.
     */
    private void aFailedMoveStopsThePlanAndRollsBackCleanly(PlanDetails plan, MoveRunDetails failed) {
        assertThat(cutover.run(plan.planId()).orElseThrow().status())
                .as(failed.registry() + " failed")
                .isEqualTo(RunStatus.PAUSED);
        assertThat(failed.state()).isEqualTo(MoveState.FAILED);
        assertThatThrownBy(() -> cutover.resume(plan.planId())).isInstanceOf(TransitionRefused.class);
        cutover.rollback(plan.planId(), "the world failed " + failed.registry() + " on " + failed.toStamp());
        for (int pass = 0;
                pass < 200 && cutover.run(plan.planId()).orElseThrow().status() != RunStatus.ROLLED_BACK;
                pass++) {
            executor.runOnce();
            simulator.advance(1, Actor.SYSTEM);
        }
        assertThat(cutover.run(plan.planId()).orElseThrow().status()).isEqualTo(RunStatus.ROLLED_BACK);
        for (PlanMove move : planning.get(plan.planId()).moves()) {
            assertThat(fleet.registry(move.registry()).orElseThrow().homeStamp("eastus"))
                    .as(move.registry())
                    .contains(move.fromStamp());
        }
    }

    private Map<String, Double> p95s(PlanDetails plan) {
        Map<String, Double> out = new HashMap<>();
        for (var p : plan.predictions()) {
            out.put(
                    p.stamp() + "/" + p.pool(),
                    fleet.stamp(p.stamp()).isPresent()
                            ? signals.hotNodeP95(p.stamp(), PoolKind.valueOf(p.pool()))
                                    .orElse(Double.NaN)
                            : null);
        }
        return out;
    }
}
