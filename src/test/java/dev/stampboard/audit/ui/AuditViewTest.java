package dev.stampboard.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import dev.stampboard.KaribuTest;
import dev.stampboard.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditViewTest extends KaribuTest {

    @Autowired
    AuditLog audit;

    @Test
    void filters_by_action_actor_and_text() {
        audit.record("alice", "TEST_DECISION", "plan-xyz", "approved after review");
        audit.record("bob", "TEST_DECISION", "plan-abc", "rejected: wrong stamp");
        login("dave");
        UI.getCurrent().navigate(AuditView.class);
        AuditView view = _get(AuditView.class);
        assertThat(GridKt._size(view.grid)).isGreaterThanOrEqualTo(2);

        view.action.setValue("TEST_DECISION");
        assertThat(GridKt._size(view.grid)).isEqualTo(2);
        view.actor.setValue("bob");
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).subject()).isEqualTo("plan-abc");
        view.actor.setValue("");
        view.text.setValue("XYZ");
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).actor()).isEqualTo("alice");
    }

    @Test
    void the_scenario_load_is_audited() {
        login("dave");
        UI.getCurrent().navigate(AuditView.class);
        AuditView view = _get(AuditView.class);
        view.action.setValue("STAMP_DECLARED");
        assertThat(GridKt._size(view.grid)).isGreaterThanOrEqualTo(9);
    }
}
