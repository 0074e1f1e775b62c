package dev.stampboard.capacity.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import dev.stampboard.KaribuTest;
import dev.stampboard.base.ui.chart.EChart;
import dev.stampboard.capacity.CapacityService;
import dev.stampboard.capacity.PoolOutlook;
import dev.stampboard.capacity.change.ui.ProposeCapacityChangeView;
import dev.stampboard.fleet.FleetService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The capacity page, the forecast on stamp detail and the dashboard's "Days until HOT" column on the seed fleet. */
class CapacityViewTest extends KaribuTest {

    @Autowired
    CapacityService capacity;

    @Autowired
    FleetService fleet;

    @Test
    void the_capacity_page_lists_open_recommendations_savings_headroom_and_prices() {
        login("dave");
        UI.getCurrent().navigate("capacity");
        CapacityView view = _get(CapacityView.class);
        assertThat(view.summary.getText()).contains("open recommendations would save", "USD a month", "35 %");
        int open = capacity.recommendations(null).size();
        assertThat(open).isPositive();
        assertThat(GridKt._size(view.recommendations)).isEqualTo(open);
        assertThat(GridKt._getFormattedRow(view.recommendations, 0).toString()).contains("scale in");
        // two pool kinds per region
        assertThat(GridKt._size(view.prices)).isEqualTo(2 * fleet.regions().size());
        assertThat(GridKt._getFormattedRow(view.prices, 0).toString()).contains("0.384 USD", "280 USD");
        // other tests in the shared context add regions without telemetry: the seed's region has both pools, no
        // region more than two
        assertThat(GridKt._size(view.headroom)).isBetween(2, 2 * fleet.regions().size());
        assertThat(view.headroom
                        .getGenericDataView()
                        .getItems()
                        .filter(h -> h.region().equals("eastus")))
                .hasSize(2);
        assertThat(view.savingsChart.getOptionJson()).contains("realised saving");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_engineer_proposes_a_change_from_a_recommendation_row_and_the_form_opens_prefilled() {
        login("alice");
        UI.getCurrent().navigate("capacity");
        CapacityView view = _get(CapacityView.class);
        PoolOutlook row =
                view.recommendations.getGenericDataView().getItems().findFirst().orElseThrow();
        Button propose = (Button) GridKt._getCellComponent(view.recommendations, 0, "propose");
        assertThat(propose.getText()).isEqualTo("Propose change");
        ButtonKt._click(propose);

        _get(ProposeCapacityChangeView.class);
        assertThat(_get(ComboBox.class, spec -> spec.withId("stamp")).getValue())
                .isEqualTo(row.stamp());
        assertThat(_get(Select.class, spec -> spec.withId("pool")).getValue()).isEqualTo(row.pool());
        assertThat(_get(IntegerField.class, spec -> spec.withId("to-instances")).getValue())
                .isEqualTo(row.advice().recommendedNodes());
        assertThat(_get(IntegerField.class, spec -> spec.withId("to-minimum")).getValue())
                .isEqualTo(row.advice().recommendedMinimum());
        assertThat(_get(TextArea.class, spec -> spec.withId("reason")).getValue())
                .isEqualTo(row.advice().reason());
        assertThat(_get(Paragraph.class, spec -> spec.withId("current")).getText())
                .contains(String.format(
                        java.util.Locale.ROOT,
                        "the recommendation predicts %.1f %% hot-node P95",
                        row.advice().predictedP95()));
    }

    @Test
    void a_viewer_sees_the_recommendations_without_the_propose_action_and_the_headroom_chart() {
        login("dave");
        UI.getCurrent().navigate("capacity");
        CapacityView view = _get(CapacityView.class);
        assertThat(view.recommendations.getColumnByKey("propose")).isNull();
        String headroom = view.headroomChart.getOptionJson();
        assertThat(headroom).contains("needed nodes", "spare nodes", "missing nodes", "eastus dataproxy");
        assertThat(view.summary.getText()).contains("(potential)", "(realised)");
    }

    @Test
    void stamp_detail_shows_each_pools_forecast_with_its_band() {
        login("dave");
        UI.getCurrent().navigate("stamps/eus-s02");
        EChart chart = _get(EChart.class, spec -> spec.withId("forecast-dataproxy"));
        assertThat(chart.getOptionJson()).contains("forecast", "90 % band", "daily peak P95", "HOT 45 %");
        Paragraph summary = _get(Paragraph.class, spec -> spec.withId("forecast-summary-dataproxy"));
        assertThat(summary.getText()).startsWith("Trend").contains("with weekly seasonality");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_dashboard_says_how_many_days_until_a_stamp_turns_hot() {
        login("dave");
        // the region explicitly: an earlier test may have left dave's remembered region elsewhere
        UI.getCurrent()
                .navigate(
                        dev.stampboard.dashboard.ui.FleetView.class,
                        com.vaadin.flow.router.QueryParameters.of("region", "eastus"));
        Grid<Object> stamps = _get(Grid.class, spec -> spec.withId("stamps"));
        assertThat(stamps.getColumnByKey("days-until-hot").getHeaderText()).isEqualTo("Days until HOT");
        boolean sawHotNow = false;
        for (int i = 0; i < GridKt._size(stamps); i++) {
            String row = GridKt._getFormattedRow(stamps, i).toString();
            if (row.contains("eus-s01")) {
                sawHotNow = row.contains("now");
            }
        }
        assertThat(sawHotNow).as("stamp A is HOT now").isTrue();
    }
}
