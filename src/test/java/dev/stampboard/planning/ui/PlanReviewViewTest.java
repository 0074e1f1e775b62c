package dev.stampboard.planning.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.RouteParameters;
import dev.stampboard.KaribuTest;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanningService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PlanReviewViewTest extends KaribuTest {

    @Autowired
    PlanningService planning;

    @Autowired
    dev.stampboard.planning.PlanComputation computation;

    private PlanDetails proposedAndSubmittedBy(String engineer) {
        login(engineer);
        PlanDetails plan = planning.propose("eastus", List.of(), null);
        return planning.submit(plan.planId());
    }

    private PlanReviewView open(String id) {
        UI.getCurrent().navigate(PlanReviewView.class, new RouteParameters("id", id));
        return _get(PlanReviewView.class);
    }

    @Test
    void shows_prediction_moves_evidence_and_history() {
        PlanDetails plan = proposedAndSubmittedBy("alice");
        login("dave");
        PlanReviewView view = open(plan.id());
        int listed =
                _get(PhasedMoves.class).grids.stream().mapToInt(GridKt::_size).sum();
        assertThat(listed).isEqualTo(plan.moves().size());
        assertThat(GridKt._size(_get(EvidenceGrid.class)))
                .isEqualTo(plan.evidence().size());
        assertThat(GridKt._size(_get(HistoryGrid.class))).isEqualTo(2);
        assertThat(_get(PredictionChart.class).getOptionJson()).contains("after (predicted)");
        // a viewer sees no workflow buttons
        assertThat(view.approve.isVisible()).isFalse();
        assertThat(view.submit.isVisible()).isFalse();
    }

    /** Issue 15 item 8: 40 moves repeated the same sizing arithmetic and the page was 12,400 px tall. */
    @Test
    void moves_are_grouped_by_phase_with_one_sizing_block_per_dedicated_stamp() {
        login("alice");
        PlanDetails plan =
                planning.proposeAndSubmit("eastus", List.of("eus-s01", "eus-s02"), computation.defaultSettings(), null);
        List<String> dedicated = plan.moves().stream()
                .map(m -> m.toStamp())
                .filter(s -> s.startsWith("ded-"))
                .distinct()
                .toList();
        org.junit.jupiter.api.Assumptions.assumeFalse(dedicated.isEmpty(), "the seed's plan isolates a customer");
        login("dave");
        open(plan.id());
        PhasedMoves moves = _get(PhasedMoves.class);
        var phases = com.github.mvysny.kaributesting.v10.LocatorJ._find(
                moves, com.vaadin.flow.component.details.Details.class);
        assertThat(phases).hasSize((int)
                plan.moves().stream().mapToInt(m -> m.phase()).distinct().count());
        assertThat(phases.get(0).isOpened()).isTrue();
        assertThat(moves.grids.stream().mapToInt(GridKt::_size).sum())
                .isEqualTo(plan.moves().size());
        var blocks = com.github.mvysny.kaributesting.v10.LocatorJ._find(
                moves, com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withClasses("sizing-block"));
        assertThat(blocks).hasSize(dedicated.size());
        for (MovesGrid grid : moves.grids) {
            for (int row = 0; row < GridKt._size(grid); row++) {
                String why = GridKt._getFormattedRow(grid, row).get(5);
                // neither the stamp's sizing nor an isolated registry's sizing note on each row
                assertThat(why).doesNotContain("storage accounts (").doesNotContain("Sized from");
                String to = GridKt._get(grid, row).toStamp();
                if (dedicated.contains(to)) {
                    assertThat(why).as("the row says which dedicated stamp").contains("dedicated stamp " + to);
                }
            }
        }
        login("alice");
        planning.reject(plan.planId(), "test done");
    }

    @Test
    void the_submitter_cannot_approve_and_another_engineer_can_after_confirming() {
        PlanDetails plan = proposedAndSubmittedBy("alice");
        PlanReviewView own = open(plan.id());
        assertThat(own.approve.isVisible()).isTrue();
        assertThat(own.approve.isEnabled()).as("four eyes").isFalse();

        login("bob");
        PlanReviewView view = open(plan.id());
        ButtonKt._click(view.approve);
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        com.vaadin.flow.component.ComponentUtil.fireEvent(dialog, new ConfirmDialog.ConfirmEvent(dialog, true));
        assertThat(planning.get(plan.planId()).status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(planning.get(plan.planId()).decidedBy()).isEqualTo("bob");
    }

    @Test
    void rejecting_asks_for_a_reason() {
        PlanDetails plan = proposedAndSubmittedBy("alice");
        login("bob");
        PlanReviewView view = open(plan.id());
        ButtonKt._click(view.reject);
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        view.rejectReason.setValue("destination about to drain");
        com.vaadin.flow.component.ComponentUtil.fireEvent(dialog, new ConfirmDialog.ConfirmEvent(dialog, true));
        PlanDetails after = planning.get(plan.planId());
        assertThat(after.status()).isEqualTo(PlanStatus.REJECTED);
        assertThat(after.decisionReason()).isEqualTo("destination about to drain");
    }

    @Test
    void support_cannot_approve_a_plan() {
        PlanDetails plan = proposedAndSubmittedBy("alice");
        login("carol");
        PlanReviewView view = open(plan.id());
        assertThat(view.approve.isVisible()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> planning.approve(plan.planId()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void a_viewer_cannot_ask_for_a_plan() {
        login("dave");
        UI.getCurrent().navigate(PlansView.class);
        assertThat(_get(PlansView.class).propose.isVisible()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> planning.propose("eastus", List.of(), null))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        _assertNone(PlanReviewView.class);
    }
}
