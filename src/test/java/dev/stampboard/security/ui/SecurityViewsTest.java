package dev.stampboard.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import dev.stampboard.KaribuTest;
import dev.stampboard.security.ApiTokens;
import dev.stampboard.security.Role;
import dev.stampboard.security.UserAdministration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * The API-token screen (create: the secret shown once and working against the real API; list; revoke: the API
 * refuses it at once) and the admins' user management (add, disable, reset the password, change roles; the last
 * administrator and the signed-in admin protected), checked through the real password check.
 */
class SecurityViewsTest extends KaribuTest {

    @LocalServerPort
    int port;

    @Autowired
    AuthenticationManager authentication;

    private int api(String bearer) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/plans"))
                                .header("Authorization", "Bearer " + bearer)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static <T> List<T> rows(Grid<T> grid) {
        return IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> GridKt._get(grid, i))
                .toList();
    }

    private Set<String> signIn(String user, String password) {
        return authentication
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password))
                .getAuthorities()
                .stream()
                .map(GrantedAuthority::getAuthority)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void a_token_is_shown_once_works_on_the_api_is_listed_and_stops_when_revoked() throws Exception {
        login("dave");
        UI.getCurrent().navigate(ApiTokensView.class);
        ApiTokensView view = _get(ApiTokensView.class);
        assertThat(view.kind.isVisible()).as("service tokens are for admins").isFalse();
        view.name.setValue("dave's dashboard export");
        view.days.setValue(7);
        ButtonKt._click(view.create);

        assertThat(view.shown).as("the secret is shown in a dialog").isNotNull();
        String secret =
                _get(TextField.class, spec -> spec.withId("new-token-secret")).getValue();
        assertThat(secret).startsWith("sbt_");
        assertThat(api(secret)).isEqualTo(200);
        view.shown.close();

        ApiTokens.TokenInfo listed = rows(view.grid).stream()
                .filter(t -> t.name().equals("dave's dashboard export"))
                .findFirst()
                .orElseThrow();
        assertThat(listed.owner()).isEqualTo("dave");
        assertThat(listed.roles()).containsExactly(Role.VIEWER);
        assertThat(java.time.Duration.between(listed.createdAt(), listed.expiresAt())
                        .toDays())
                .isEqualTo(7);
        assertThat(rows(view.grid)).extracting(ApiTokens.TokenInfo::owner).containsOnly("dave");

        // the list never holds the secret again; revoking (after a confirmation) stops it at once
        assertThat(listed.toString()).doesNotContain(secret.substring(4));
        int row = rows(view.grid).indexOf(listed);
        ButtonKt._click((com.vaadin.flow.component.button.Button) GridKt._getCellComponent(view.grid, row, "revoke"));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));
        confirm.close();
        assertThat(api(secret)).isEqualTo(401);
        assertThat(rows(view.grid))
                .filteredOn(t -> t.id().equals(listed.id()))
                .allSatisfy(t -> assertThat(t.revokedAt()).isNotNull());
    }

    @Test
    void an_admin_sees_the_service_token_choice_and_a_token_with_no_name_is_refused() {
        login("erin");
        UI.getCurrent().navigate(ApiTokensView.class);
        ApiTokensView view = _get(ApiTokensView.class);
        assertThat(view.kind.isVisible()).isTrue();
        view.kind.setValue(ApiTokens.Kind.SERVICE);
        assertThat(view.roles.getListDataView().getItems().toList()).doesNotContain(Role.ADMIN);
        int before = GridKt._size(view.grid);
        view.name.setValue("  ");
        ButtonKt._click(view.create);
        assertThat(view.shown).isNull();
        assertThat(GridKt._size(view.grid)).isEqualTo(before);
    }

    @Test
    void an_admin_adds_disables_resets_and_changes_roles_of_users() {
        login("erin");
        UI.getCurrent().navigate(UsersView.class);
        UsersView view = _get(UsersView.class);
        assertThat(rows(view.grid))
                .extracting(UserAdministration.UserInfo::username)
                .contains("alice", "bob", "carol", "dave", "erin", "frank", "collector");
        assertThat(view.localSignIn.getValue()).isTrue();
        assertThat(view.localSignIn.isEnabled())
                .as("no single sign-on configured: it stays on")
                .isFalse();

        String name = "ivy-ops-" + System.nanoTime() % 100000;
        ButtonKt._click(view.add);
        view.dialog.username.setValue(name);
        view.dialog.password.setValue("short");
        view.dialog.roles.setValue(Set.of(Role.SUPPORT));
        ButtonKt._click(view.dialog.save);
        assertThat(rows(view.grid))
                .extracting(UserAdministration.UserInfo::username)
                .as("too short a password")
                .doesNotContain(name);
        view.dialog.password.setValue("a long enough password");
        ButtonKt._click(view.dialog.save);
        assertThat(view.dialog).as("closed on success").isNull();
        UserAdministration.UserInfo added = rows(view.grid).stream()
                .filter(u -> u.username().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(added.roles()).containsExactlyInAnyOrder(Role.SUPPORT, Role.VIEWER);
        assertThat(signIn(name, "a long enough password")).contains("ROLE_SUPPORT", "ROLE_VIEWER");

        // roles
        int row = rows(view.grid).indexOf(added);
        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout)
                GridKt._getCellComponent(view.grid, row, "actions");
        ButtonKt._click((com.vaadin.flow.component.button.Button) actions.getComponentAt(2));
        view.dialog.roles.setValue(Set.of(Role.ENGINEER));
        ButtonKt._click(view.dialog.save);
        assertThat(signIn(name, "a long enough password"))
                .contains("ROLE_ENGINEER")
                .doesNotContain("ROLE_SUPPORT");

        // password
        actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout)
                GridKt._getCellComponent(view.grid, row, "actions");
        ButtonKt._click((com.vaadin.flow.component.button.Button) actions.getComponentAt(1));
        view.dialog.password.setValue("another long password");
        ButtonKt._click(view.dialog.save);
        assertThat(signIn(name, "another long password")).contains("ROLE_ENGINEER");

        // disable: no sign-in, even with the right password
        actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout)
                GridKt._getCellComponent(view.grid, row, "actions");
        ButtonKt._click((com.vaadin.flow.component.button.Button) actions.getComponentAt(0));
        assertThatThrownBy(() -> signIn(name, "another long password")).isInstanceOf(DisabledException.class);
        assertThat(rows(view.grid).get(row).enabled()).isFalse();
    }

    @Test
    void the_signed_in_admin_and_the_last_administrator_cannot_be_disabled_or_demoted() {
        login("erin");
        UI.getCurrent().navigate(UsersView.class);
        UsersView view = _get(UsersView.class);
        int erin = rows(view.grid).stream()
                .map(UserAdministration.UserInfo::username)
                .toList()
                .indexOf("erin");
        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout)
                GridKt._getCellComponent(view.grid, erin, "actions");
        ButtonKt._click((com.vaadin.flow.component.button.Button) actions.getComponentAt(0));
        assertThat(rows(view.grid).get(erin).enabled()).isTrue();
        ButtonKt._click((com.vaadin.flow.component.button.Button) actions.getComponentAt(2));
        view.dialog.roles.setValue(Set.of(Role.ENGINEER));
        ButtonKt._click(view.dialog.save);
        assertThat(rows(view.grid).get(erin).roles())
                .as("erin is the only administrator")
                .contains(Role.ADMIN);
        assertThat(signIn("erin", "erin-pw")).contains("ROLE_ADMIN");
    }

    @Test
    void only_admins_open_the_users_screen() {
        login("alice");
        UI.getCurrent().navigate(UsersView.class);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(UsersView.class))
                .isEmpty();
    }
}
