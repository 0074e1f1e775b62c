package dev.stampboard.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.stampboard.KaribuTest;
import dev.stampboard.base.ui.AccessDeniedView;
import dev.stampboard.dashboard.ui.FleetView;
import dev.stampboard.fleet.ui.MyRegistriesView;
import dev.stampboard.security.ui.LoginView;
import dev.stampboard.signals.ui.SignalSettingsView;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.authentication.BadCredentialsException;

class RoleAccessTest extends KaribuTest {

    @Test
    void anonymous_visitor_is_sent_to_the_login_view() {
        UI.getCurrent().navigate("");
        _assertOne(LoginView.class);
        _assertNone(FleetView.class);
    }

    @ParameterizedTest
    @CsvSource({
        "alice, true, false",
        "bob, true, false",
        "carol, true, false",
        "dave, true, false",
        "erin, true, true",
        "frank, false, false"
    })
    void each_role_sees_what_it_may(String user, boolean seesFleet, boolean seesSettings) {
        login(user);
        UI.getCurrent().navigate("");
        if (seesFleet) {
            _assertOne(FleetView.class);
        } else {
            _assertNone(FleetView.class);
            _assertOne(MyRegistriesView.class); // a customer lands on its own registries
        }
        List<String> menu = _get(SideNav.class).getItems().stream()
                .map(SideNavItem::getLabel)
                .toList();
        assertThat(menu.contains("Fleet")).as("Fleet in %s's menu", user).isEqualTo(seesFleet);
        assertThat(menu.contains("Settings")).as("Settings in %s's menu", user).isEqualTo(seesSettings);
    }

    @Test
    void viewer_cannot_open_the_admin_settings() {
        login("dave");
        UI.getCurrent().navigate(SignalSettingsView.class);
        _assertNone(SignalSettingsView.class);
        _assertOne(AccessDeniedView.class);
    }

    @Test
    void customer_sees_only_its_own_registries() {
        login("frank");
        UI.getCurrent().navigate(MyRegistriesView.class);
        @SuppressWarnings("unchecked")
        var grid = (com.vaadin.flow.component.grid.Grid<dev.stampboard.fleet.RegistryInfo>)
                _get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("my-registries"));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isEqualTo(40);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._get(grid, 0).customer())
                .isEqualTo("openmind-ai");
    }

    @Test
    void admin_opens_the_settings() {
        login("erin");
        UI.getCurrent().navigate(SignalSettingsView.class);
        _assertOne(SignalSettingsView.class);
    }

    @Test
    void wrong_password_is_refused() {
        assertThatThrownBy(() -> login("alice", "not-her-password")).isInstanceOf(BadCredentialsException.class);
    }
}
