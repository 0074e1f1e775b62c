package dev.stampboard.capacity.change.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import dev.stampboard.KaribuTest;
import dev.stampboard.base.ui.TextPrompt;
import dev.stampboard.capacity.change.CapacityChangeDetails;
import dev.stampboard.capacity.change.CapacityChangeExecutor;
import dev.stampboard.capacity.change.CapacityChangeService;
import dev.stampboard.capacity.change.CapacityChangeState;
import dev.stampboard.capacity.change.ChangeOrigin;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The capacity-change screens: propose from a recommendation's link, four eyes on the detail page, start and roll
 * back with a confirmation, the list. Nothing reaches the fleet: the change is rolled back before it was applied.
 */
class CapacityChangeViewsTest extends KaribuTest {

    @Autowired
    CapacityChangeService changes;

    @Autowired
    CapacityChangeExecutor executor;

    @Autowired
    FleetService fleet;

    @Test
    void a_recommendation_link_prefills_the_proposal_and_another_engineer_approves_it() {
        int nodes = fleet.requireStamp("eus-s03").nodes(PoolKind.DATAPROXY).size();
        login("alice");
        UI.getCurrent()
                .navigate(
                        "capacity/changes/new",
                        QueryParameters.full(Map.of(
                                "stamp", new String[] {"eus-s03"},
                                "pool", new String[] {"dataproxy"},
                                "to", new String[] {String.valueOf(nodes - 2)},
                                "min", new String[] {"6"},
                                "predicted", new String[] {"36.5"},
                                "recommendation", new String[] {"scale-in eus-s03 dataproxy"},
                                "reason", new String[] {"relieved pool"})));
        ProposeCapacityChangeView form = _get(ProposeCapacityChangeView.class);
        assertThat(form.stamp.getValue()).isEqualTo("eus-s03");
        assertThat(form.pool.getValue()).isEqualTo(PoolKind.DATAPROXY);
        assertThat(form.toInstances.getValue()).isEqualTo(nodes - 2);
        assertThat(form.current.getText())
                .contains("Now: " + nodes + " instances")
                .contains("36.5 %");
        ButtonKt._click(form.submit);

        CapacityChangeView detail = _get(CapacityChangeView.class);
        CapacityChangeDetails proposed = changes.list().stream()
                .filter(c -> c.stamp().equals("eus-s03") && c.state() == CapacityChangeState.PROPOSED)
                .findFirst()
                .orElseThrow();
        assertThat(proposed.origin()).isEqualTo(ChangeOrigin.RECOMMENDATION);
        assertThat(proposed.predictedP95()).isEqualTo(36.5);
        assertThat(detail.state.getElement().getChild(0).getAttribute("data-value"))
                .isEqualTo("PROPOSED");
        assertThat(detail.approve.isVisible()).as("not the proposer's own").isFalse();
        assertThat(detail.reject.isVisible()).isTrue();
        assertThat(detail.summary.getText()).contains("proposed by alice").contains("scale-in");

        login("dave");
        UI.getCurrent().navigate(CapacityChangeView.class, new RouteParameters("id", proposed.id()));
        detail = _get(CapacityChangeView.class);
        assertThat(detail.approve.isVisible() || detail.reject.isVisible() || detail.start.isVisible())
                .as("a viewer only reads")
                .isFalse();

        login("bob");
        UI.getCurrent().navigate(CapacityChangeView.class, new RouteParameters("id", proposed.id()));
        detail = _get(CapacityChangeView.class);
        ButtonKt._click(detail.approve);
        assertThat(detail.state.getElement().getChild(0).getAttribute("data-value"))
                .isEqualTo("APPROVED");
        assertThat(detail.start.isVisible()).isTrue();
        ButtonKt._click(detail.start);
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        ComponentUtil.fireEvent(dialog, new ConfirmDialog.ConfirmEvent(dialog, true));
        dialog.close();
        assertThat(changes.get(proposed.id()).state()).isEqualTo(CapacityChangeState.APPLYING);
        assertThat(detail.progress.getText()).isEqualTo("Resizing the pool.");

        ButtonKt._click(detail.rollback);
        TextPrompt prompt = _get(TextPrompt.class);
        ButtonKt._click(prompt.confirm);
        assertThat(prompt.text.isInvalid()).as("a reason is required").isTrue();
        prompt.text.setValue("wrong pool");
        ButtonKt._click(prompt.confirm);
        executor.runOnce(proposed.id());
        detail.refresh();
        assertThat(detail.state.getElement().getChild(0).getAttribute("data-value"))
                .isEqualTo("REVERTED");
        assertThat(detail.evidence.getText()).contains("Rolled back by bob: wrong pool");
        assertThat(GridKt._size(detail.steps)).isEqualTo(3);
        assertThat(fleet.requireStamp("eus-s03").nodes(PoolKind.DATAPROXY)).hasSize(nodes);

        UI.getCurrent().navigate(CapacityChangesView.class);
        CapacityChangesView list = _get(CapacityChangesView.class);
        assertThat(list.propose.isVisible()).isTrue();
        assertThat(GridKt._size(list.changes)).isGreaterThanOrEqualTo(1);
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < GridKt._size(list.changes); i++) {
            rows.add(GridKt._getFormattedRow(list.changes, i));
        }
        assertThat(rows)
                .anySatisfy(row -> assertThat(row)
                        .anyMatch(cell -> cell.contains("eus-s03 dataproxy"))
                        .anyMatch(cell -> cell.contains("36.5 %")));
    }

    @Test
    void a_viewer_sees_the_list_without_the_propose_button() {
        login("dave");
        UI.getCurrent().navigate(CapacityChangesView.class);
        assertThat(_get(CapacityChangesView.class).propose.isVisible()).isFalse();
    }
}
