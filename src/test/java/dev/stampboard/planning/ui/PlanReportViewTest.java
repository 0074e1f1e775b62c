package dev.stampboard.planning.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import dev.stampboard.KaribuTest;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanningService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PlanReportViewTest extends KaribuTest {

    @Autowired
    PlanningService planning;

    @Test
    void shows_before_now_change_and_prediction_per_stamp_pool() {
        login("alice");
        PlanDetails plan = planning.propose("eastus", List.of(), null);
        login("dave");
        UI.getCurrent().navigate(PlanReportView.class, new RouteParameters("id", plan.id()));
        PlanReportView view = _get(PlanReportView.class);
        assertThat(GridKt._size(view.grid)).isEqualTo(plan.predictions().size());
        List<String> first = GridKt._getFormattedRow(view.grid, 0);
        assertThat(first.get(0)).isEqualTo(plan.predictions().get(0).stamp());
        assertThat(first.get(6)).endsWith("%");
        assertThat(view.chart.getOptionJson()).contains("\"predicted\"").contains("\"after\"");
    }
}
