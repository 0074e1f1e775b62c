package dev.stampboard.cutover.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.RouteParameters;
import dev.stampboard.KaribuTest;
import dev.stampboard.ScenarioTest;
import dev.stampboard.base.Actor;
import dev.stampboard.cutover.CutoverExecutor;
import dev.stampboard.cutover.CutoverService;
import dev.stampboard.cutover.MoveRunDetails;
import dev.stampboard.cutover.MoveState;
import dev.stampboard.cutover.RunStatus;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.planning.engine.PlanChoices;
import dev.stampboard.simulator.SimulatorService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The migration monitor; a scenario test (these tests really move registries, ones the executor tests rolled back or left alone). */
@ScenarioTest
@org.junit.jupiter.api.Order(4)
class MigrationMonitorViewTest extends KaribuTest {

    @Autowired
    PlanningService planning;

    @Autowired
    dev.stampboard.planning.PlanComputation computation;

    @Autowired
    CutoverService cutover;

    @Autowired
    CutoverExecutor executor;

    @Autowired
    SimulatorService simulator;

    private PlanDetails approved(String registry) {
        login("alice");
        PlanDetails plan = planning.proposeAndSubmit(
                "eastus",
                List.of("eus-s01"),
                computation.defaultSettings(),
                new PlanChoices(Set.of(registry), Map.of()));
        login("bob");
        return planning.approve(plan.planId());
    }

    private void confirm() {
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        ComponentUtil.fireEvent(dialog, new ConfirmDialog.ConfirmEvent(dialog, true));
        dialog.close(); // the browser closes it on confirm
    }

    private static int rowOf(MigrationsView list, String planId) {
        for (int i = 0; i < GridKt._size(list.ready); i++) {
            if (GridKt._get(list.ready, i).id().equals(planId)) {
                return i;
            }
        }
        throw new AssertionError("plan " + planId + " is not listed as ready");
    }

    @Test
    void an_engineer_starts_an_approved_plan_after_confirming_and_follows_it_live() {
        PlanDetails plan = approved("openmindexp23.azurecr.io");
        login("dave");
        UI.getCurrent().navigate(MigrationsView.class);
        MigrationsView list = _get(MigrationsView.class);
        assertThat(GridKt._getCellComponent(list.ready, rowOf(list, plan.id()), "start")
                        .isVisible())
                .as("a viewer cannot start")
                .isFalse();

        login("alice");
        UI.getCurrent().navigate(MigrationsView.class);
        list = _get(MigrationsView.class);
        ButtonKt._click((com.vaadin.flow.component.button.Button)
                GridKt._getCellComponent(list.ready, rowOf(list, plan.id()), "start"));
        list.autoRollback.setValue(true);
        confirm();
        assertThat(cutover.run(plan.planId()).orElseThrow().autoRollback()).isTrue();
        MigrationMonitorView monitor = _get(MigrationMonitorView.class);

        executor.runOnce();
        simulator.advance(1, Actor.SYSTEM);
        executor.runOnce();
        monitor.refresh();
        MoveRunDetails move = GridKt._get(monitor.moves, 0);
        assertThat(move.state()).isEqualTo(MoveState.VALIDATING);
        assertThat(GridKt._getFormattedRow(monitor.moves, 0)).anyMatch(cell -> cell.contains("openmindexp23"));
        assertThat(monitor.timeline.getOptionJson())
                .contains("under way")
                .contains("P1 · B1")
                // issue 15 item 9: the invisible spacer series is no legend entry
                .contains(
                        "\"legend\":{\"show\":true,\"top\":\"0\",\"left\":\"right\",\"data\":[\"validated\",\"under way\",\"ahead\"]}");
        assertThat(monitor.pause.isVisible()).isTrue();

        simulator.advance(24 * 60, Actor.SYSTEM);
        executor.runOnce();
        monitor.refresh();
        assertThat(GridKt._get(monitor.moves, 0).verdict()).isNotNull();
        assertThat(monitor.timeline.getOptionJson()).contains("validated");
    }

    @Test
    void pause_resume_and_roll_back_each_ask_for_confirmation() {
        PlanDetails plan = approved("openmindexp05.azurecr.io");
        login("alice");
        cutover.start(plan.planId(), false);
        executor.runOnce();
        UI.getCurrent().navigate(MigrationMonitorView.class, new RouteParameters("id", plan.id()));
        MigrationMonitorView monitor = _get(MigrationMonitorView.class);

        ButtonKt._click(monitor.pause);
        monitor.reason.setValue("change freeze");
        confirm();
        assertThat(cutover.run(plan.planId()).orElseThrow().status()).isEqualTo(RunStatus.PAUSED);
        assertThat(monitor.banner.getText()).isEqualTo("change freeze");
        assertThat(monitor.resume.isVisible()).isTrue();

        ButtonKt._click(monitor.resume);
        confirm();
        assertThat(cutover.run(plan.planId()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);

        ButtonKt._click(monitor.rollback);
        monitor.reason.setValue("customer asked");
        confirm();
        executor.runOnce();
        monitor.refresh();
        assertThat(cutover.run(plan.planId()).orElseThrow().status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(GridKt._get(monitor.moves, 0).state()).isEqualTo(MoveState.ROLLED_BACK);
        assertThat(monitor.rollback.isVisible()).isFalse();
    }

    @Test
    void a_viewer_sees_no_controls_and_an_unstarted_plan_says_so() {
        PlanDetails plan = approved("openmindexp07.azurecr.io");
        login("dave");
        UI.getCurrent().navigate(MigrationMonitorView.class, new RouteParameters("id", plan.id()));
        MigrationMonitorView monitor = _get(MigrationMonitorView.class);
        assertThat(monitor.title.getText()).contains("has not been started");
        assertThat(monitor.pause.isVisible()).isFalse();
        assertThat(monitor.rollback.isVisible()).isFalse();
    }
}
