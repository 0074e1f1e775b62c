package dev.stampboard.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.authentication.BadCredentialsException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;

import dev.stampboard.KaribuTest;
import dev.stampboard.dashboard.ui.FleetView;
import dev.stampboard.security.ui.LoginView;
import dev.stampboard.signals.ui.SignalSettingsView;

class RoleAccessTest extends KaribuTest {

    @Test
    void anonymous_visitor_is_sent_to_the_login_view() {
        UI.getCurrent().navigate("");
        _assertOne(LoginView.class);
        _assertNone(FleetView.class);
    }

    @ParameterizedTest
    @CsvSource({"alice, true, false", "bob, true, false", "carol, true, false", "dave, true, false", "erin, true, true",
            "frank, false, false"})
    void each_role_sees_what_it_may(String user, boolean seesFleet, boolean seesSettings) {
        login(user);
        UI.getCurrent().navigate("");
        if (seesFleet) {
            _assertOne(FleetView.class);
        } else {
            _assertNone(FleetView.class);
        }
        List<String> menu = _get(SideNav.class).getItems().stream().map(SideNavItem::getLabel).toList();
        assertThat(menu.contains("Fleet")).as("Fleet in %s's menu", user).isEqualTo(seesFleet);
        assertThat(menu.contains("Settings")).as("Settings in %s's menu", user).isEqualTo(seesSettings);
    }

    @Test
    void viewer_cannot_open_the_admin_settings() {
        login("dave");
        try {
            UI.getCurrent().navigate(SignalSettingsView.class);
        } catch (RuntimeException deniedInProductionMode) {
            // production mode throws instead of showing the error view: both mean "no access"
        }
        _assertNone(SignalSettingsView.class);
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
