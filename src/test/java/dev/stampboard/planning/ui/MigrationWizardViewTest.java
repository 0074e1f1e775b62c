package dev.stampboard.planning.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;

import dev.stampboard.KaribuTest;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.planning.engine.PlanChoices;

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
        String moved = wizard.preview.moves().get(0).registry();
        @SuppressWarnings("unchecked")
        Select<String> select = (Select<String>) GridKt._getCellComponent(destinations, 0, "destination");
        select.setValue(PlanChoices.DEDICATED);
        assertThat(wizard.preview.isolation()).anySatisfy(i -> assertThat(i.registry()).isEqualTo(moved));

        ButtonKt._click(wizard.next); // → phases
        wizard.batchSize.setValue(2);
        ButtonKt._click(wizard.next); // → prediction
        assertThat(_get(PredictionChart.class).getOptionJson()).contains("eus-s01");
        ButtonKt._click(wizard.next); // → submit
        ButtonKt._click(wizard.next); // submit for approval

        PlanReviewView review = _get(PlanReviewView.class);
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        assertThat(path).startsWith("plans/");
        PlanDetails plan = planning.get(path.substring("plans/".length()));
        assertThat(plan.status()).isEqualTo(PlanStatus.PENDING_APPROVAL);
        assertThat(plan.submittedBy()).isEqualTo("alice");
        assertThat(plan.isolations()).anySatisfy(i -> assertThat(i.registry()).isEqualTo(moved));
        assertThat(review.approve.isEnabled()).as("alice cannot approve her own plan").isFalse();
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
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("effect")).getText())
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
