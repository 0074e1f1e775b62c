package dev.stampboard.planning.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import dev.stampboard.KaribuTest;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanId;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.planning.engine.PlanChoices;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MigrationWizardViewTest extends KaribuTest {

    @Autowired
    PlanningService planning;

    private MigrationWizardView open() {
        login("alice");
        UI.getCurrent().navigate(MigrationWizardView.class);
        return _get(MigrationWizardView.class);
    }

    @Test
    void end_to_end_from_stamps_to_a_plan_pending_approval() {
        MigrationWizardView wizard = open();
        assertThat(wizard.stamps.getValue()).contains("eus-s01", "eus-s04"); // the seed's two hot stamps

        ButtonKt._click(wizard.next); // → candidates
        assertThat(wizard.step).isEqualTo(1);
        assertThat(wizard.included).contains("openmindmodels.azurecr.io");
        Grid<?> candidates = _get(Grid.class, spec -> spec.withId("candidates"));
        assertThat(GridKt._size(candidates)).isGreaterThan(20);

        ButtonKt._click(wizard.next); // → destinations
        Grid<?> destinations = _get(Grid.class, spec -> spec.withId("destinations"));
        assertThat(GridKt._size(destinations)).isEqualTo(wizard.included.size());
        // the engineer sends the one shared-stamp move to a dedicated stamp instead
        String moved = wizard.draft.engine().moves().get(0).registry();
        @SuppressWarnings("unchecked")
        Select<String> select = (Select<String>) GridKt._getCellComponent(destinations, 0, "destination");
        select.setValue(PlanChoices.DEDICATED);
        assertThat(wizard.draft.engine().isolation())
                .anySatisfy(i -> assertThat(i.registry()).isEqualTo(moved));

        ButtonKt._click(wizard.next); // → phases
        wizard.batchSize.setValue(2);
        ButtonKt._click(wizard.next); // → prediction
        assertThat(_get(PredictionChart.class).getOptionJson()).contains("eus-s01");
        ButtonKt._click(wizard.next); // → submit
        ButtonKt._click(wizard.next); // submit for approval

        PlanReviewView review = _get(PlanReviewView.class);
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        assertThat(path).startsWith("plans/");
        PlanDetails plan = planning.get(PlanId.of(path.substring("plans/".length())));
        assertThat(plan.status()).isEqualTo(PlanStatus.PENDING_APPROVAL);
        assertThat(plan.submittedBy()).isEqualTo("alice");
        assertThat(plan.isolations()).anySatisfy(i -> assertThat(i.registry()).isEqualTo(moved));
        assertThat(review.approve.isEnabled())
                .as("alice cannot approve her own plan")
                .isFalse();
    }

    /**
     * Issue 15 item 8: the Phases step repeated a dedicated stamp's sizing arithmetic on every move onto it. It
     * shows one block per dedicated stamp; each such row names its stamp and carries no sizing.
     */
    @Test
    void the_phases_step_sizes_each_dedicated_stamp_once() {
        MigrationWizardView wizard = open();
        for (int i = 0; i < 3; i++) {
            ButtonKt._click(wizard.next);
        }
        assertThat(wizard.step).isEqualTo(3);
        Set<String> dedicated = Set.copyOf(wizard.draft.dedicatedStamps());
        org.junit.jupiter.api.Assumptions.assumeFalse(dedicated.isEmpty(), "the seed's plan isolates customers");
        List<String> blocks = _find(Paragraph.class, spec -> spec.withClasses("sizing-block")).stream()
                .map(Paragraph::getText)
                .toList();
        assertThat(blocks).hasSize(dedicated.size());
        for (String stamp : dedicated) {
            assertThat(blocks).filteredOn(b -> b.startsWith(stamp + " · ")).hasSize(1);
        }
        MovesGrid grid = _get(MovesGrid.class);
        int onto = 0;
        for (int row = 0; row < GridKt._size(grid); row++) {
            var move = GridKt._get(grid, row);
            String why = GridKt._getFormattedRow(grid, row).get(5);
            assertThat(why).doesNotContain("storage accounts (").doesNotContain("Sized from");
            if (dedicated.contains(move.toStamp())) {
                assertThat(why).contains("dedicated stamp " + move.toStamp());
                onto++;
            }
        }
        assertThat(onto).isGreaterThan(dedicated.size());
    }

    /** Issue 15 item 1: the phases and submit steps showed "1 move(s) and 3 dedicated stamp(s)" for a 40-move plan. */
    @Test
    void the_last_step_shows_exactly_the_plan_that_is_submitted() {
        MigrationWizardView wizard = open();
        for (int i = 0; i < MigrationWizardView.STEPS.length - 1; i++) {
            ButtonKt._click(wizard.next);
        }
        String summary = _get(Paragraph.class, spec -> spec.withId("summary")).getText();
        Grid<?> shown = _get(MovesGrid.class);
        int shownMoves = GridKt._size(shown);
        List<String> shownRows = new java.util.ArrayList<>();
        for (int row = 0; row < shownMoves; row++) {
            shownRows.add(String.join("|", GridKt._getFormattedRow(shown, row)));
        }
        String effect = _get(Paragraph.class, spec -> spec.withId("effect")).getText();
        List<String> sizingBlocks = _find(Paragraph.class, spec -> spec.withClasses("sizing-block")).stream()
                .map(Paragraph::getText)
                .toList();
        ButtonKt._click(wizard.next); // submit for approval

        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        PlanDetails plan = planning.get(PlanId.of(path.substring("plans/".length())));
        assertThat(plan.moves()).hasSizeGreaterThan(1);
        assertThat(summary).startsWith(plan.moves().size() + " move(s)");
        long dedicated = plan.moves().stream()
                .map(m -> m.toStamp())
                .filter(s -> s.startsWith("ded-"))
                .distinct()
                .count();
        assertThat(summary).contains("onto " + dedicated + " dedicated stamp(s)");
        assertThat(shownMoves).isEqualTo(plan.moves().size());
        List<String> dedicatedStamps = planning.dedicatedStamps(plan);
        assertThat(sizingBlocks)
                .as("one sizing block per dedicated stamp, not one per move")
                .hasSize(dedicatedStamps.size());
        for (String block : sizingBlocks) {
            String arithmetic = block.substring(block.indexOf("move onto it. ") + "move onto it. ".length())
                    .strip();
            if (!arithmetic.isEmpty()) {
                assertThat(shownRows).as("the rows point to the block").noneMatch(row -> row.contains(arithmetic));
            }
        }
        MovesGrid stored = new MovesGrid(plan.moves(), m -> "PLANNED", java.util.Set.copyOf(dedicatedStamps));
        for (int row = 0; row < shownMoves; row++) {
            assertThat(shownRows.get(row)).isEqualTo(String.join("|", GridKt._getFormattedRow(stored, row)));
        }
        // the notes agree with the prediction table: each relieved stamp's worst pool after the moves
        assertThat(effect).isEqualTo(plan.notes().replace('\n', ' '));
        for (String stamp : plan.sourceStamps()) {
            double after = plan.predictions().stream()
                    .filter(p -> p.stamp().equals(stamp))
                    .mapToDouble(p -> p.afterP95())
                    .max()
                    .orElseThrow();
            assertThat(plan.notes())
                    .contains(String.format(java.util.Locale.ROOT, "%s: predicted hot-node P95", stamp))
                    .contains(String.format(java.util.Locale.ROOT, "→ %.1f %%", after));
        }
    }

    @Test
    void a_bad_choice_is_explained_where_it_is_made() {
        MigrationWizardView wizard = open();
        wizard.stamps.setValue(Set.of());
        ButtonKt._click(wizard.next);
        assertThat(wizard.step).isZero();
        assertThat(wizard.stamps.isInvalid()).isTrue();
        assertThat(wizard.stamps.getErrorMessage()).contains("at least one stamp");

        wizard.stamps.setValue(Set.of("eus-s01"));
        ButtonKt._click(wizard.next);
        wizard.included.clear();
        ButtonKt._click(wizard.next);
        assertThat(wizard.step).isEqualTo(1);
        assertThat(wizard.problem.getText()).contains("Include at least one registry");

        // moving only the smallest registry leaves stamp A hot: the step says so
        wizard.included.add("openmindexp01.azurecr.io");
        ButtonKt._click(wizard.next);
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("effect"))
                        .getText())
                .contains("still above");
    }

    @Test
    void viewers_and_support_cannot_open_the_wizard() {
        for (String user : new String[] {"dave", "carol"}) {
            login(user);
            UI.getCurrent().navigate(MigrationWizardView.class);
            _assertNone(MigrationWizardView.class);
        }
    }
}
