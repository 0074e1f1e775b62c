package dev.stampboard.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import dev.stampboard.KaribuTest;
import dev.stampboard.base.ui.chart.EChart;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.HomeStampChange;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.ReplicaInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RegistryDetailViewTest extends KaribuTest {

    private static final String MODELS = "openmindmodels.azurecr.io";
    private static final String CONTOSO = "contoso.azurecr.io";

    @Autowired
    FleetService fleet;

    @Test
    void staff_sees_customer_replicas_with_stamp_links_and_history() {
        login("dave");
        UI.getCurrent().navigate("registries/" + CONTOSO);

        _assertOne(RegistryDetailView.class);
        assertThat(_get(H1.class).getText()).isEqualTo(CONTOSO);
        assertThat(_get(Span.class, spec -> spec.withId("customer")).getText()).contains("contoso");
        RegistryInfo registry = fleet.registry(CONTOSO).orElseThrow();
        @SuppressWarnings("unchecked")
        Grid<ReplicaInfo> replicas = _get(Grid.class, spec -> spec.withId("replicas"));
        assertThat(GridKt._size(replicas)).isEqualTo(registry.replicas().size()).isEqualTo(2);
        assertThat(GridKt._get(replicas, 0).region()).as("home region first").isEqualTo("eastus");
        assertThat(GridKt._getCellComponent(replicas, 0, "homeStamp")).isInstanceOf(RouterLink.class);
        @SuppressWarnings("unchecked")
        Grid<HomeStampChange> history = _get(Grid.class, spec -> spec.withId("history"));
        assertThat(GridKt._size(history))
                .isEqualTo(fleet.homeStampHistory(CONTOSO).size())
                .isPositive();
    }

    @Test
    void charts_per_replica_region_with_units() throws Exception {
        login("alice");
        UI.getCurrent().navigate("registries/" + MODELS);

        for (String chart : new String[] {"requests-eastus", "bytes-eastus", "p99-eastus", "throttling-eastus"}) {
            _assertOne(EChart.class, spec -> spec.withId(chart));
        }
        JsonNode p99 = new ObjectMapper()
                .readTree(_get(EChart.class, spec -> spec.withId("p99-eastus")).getOptionJson());
        assertThat(p99.at("/yAxis/axisLabel/valueSuffix").asText()).isEqualTo(" ms");
        assertThat(p99.at("/series/0/data").size()).isGreaterThan(600);
        JsonNode throttling = new ObjectMapper()
                .readTree(_get(EChart.class, spec -> spec.withId("throttling-eastus"))
                        .getOptionJson());
        assertThat(throttling.at("/series/0/markLine/data/0/yAxis").asDouble())
                .as("2 %% alert rule")
                .isEqualTo(2.0);
        JsonNode requests = new ObjectMapper()
                .readTree(_get(EChart.class, spec -> spec.withId("requests-eastus"))
                        .getOptionJson());
        long withValues = 0;
        for (JsonNode point : requests.at("/series/0/data")) {
            if (!point.get(1).isNull()) {
                withValues++;
            }
        }
        assertThat(withValues).isGreaterThan(600);
    }

    @Test
    void customer_sees_its_own_registry_without_stamp_links() {
        login("frank");
        UI.getCurrent().navigate("registries/" + MODELS);

        _assertOne(RegistryDetailView.class);
        assertThat(_get(H1.class).getText()).isEqualTo(MODELS);
        @SuppressWarnings("unchecked")
        Grid<ReplicaInfo> replicas = _get(Grid.class, spec -> spec.withId("replicas"));
        assertThat(GridKt._getCellComponent(replicas, 0, "homeStamp")).isNotInstanceOf(RouterLink.class);
        _assertOne(EChart.class, spec -> spec.withId("requests-eastus"));
        assertThat(_find(RouterLink.class)).noneMatch(link -> link.getHref().startsWith("stamps/"));
        assertThat(_find(Grid.class, spec -> spec.withId("history")))
                .as("customers never see a move")
                .isEmpty();
    }

    @Test
    void customer_gets_not_found_for_another_customers_registry() {
        login("frank");
        UI.getCurrent().navigate("registries/" + CONTOSO);

        _assertOne(RegistryDetailView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Registry '" + CONTOSO + "' not found");
        assertThat(_get(Anchor.class, spec -> spec.withText("Back to my registries"))
                        .getHref())
                .isEqualTo("my-registries");
        _assertNone(Grid.class);
        _assertNone(EChart.class);
    }

    @Test
    void unknown_registry_is_not_found_for_staff_too() {
        login("dave");
        UI.getCurrent().navigate("registries/nope.azurecr.io");

        assertThat(_get(H1.class).getText()).isEqualTo("Registry 'nope.azurecr.io' not found");
    }
}
