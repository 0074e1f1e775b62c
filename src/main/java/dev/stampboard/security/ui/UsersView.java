package dev.stampboard.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stampboard.base.ui.Actions;
import dev.stampboard.security.Role;
import dev.stampboard.security.UserAdministration;
import dev.stampboard.security.UserAdministration.UserInfo;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Admin-only: the console's users. Add a local user, disable or enable one, set a new password, change roles;
 * people who sign in through the identity provider are listed with the roles their token carried (changed
 * there). Local password sign-in can be switched off once single sign-on works.
 */
@Route("users")
@PageTitle("Users · Stampboard")
@Menu(order = 92, icon = "vaadin:users", title = "Users")
@RolesAllowed(Role.ADMIN_NAME)
public class UsersView extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    final Grid<UserInfo> grid = new Grid<>();
    final Button add = new Button("Add user");
    final Checkbox localSignIn = new Checkbox("Local users may sign in with a password");
    /** The open add, password or roles dialog, for tests and screenshots. */
    @Nullable
    UserDialog dialog;

    private final UserAdministration users;

    public UsersView(UserAdministration users) {
        this.users = users;
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> openAdd());
        localSignIn.setValue(users.localSignInEnabled());
        localSignIn.setHelperText(
                users.singleSignOnConfigured()
                        ? "Off: only single sign-on and API tokens sign in (switch it off signed in through single sign-on)"
                        : "Single sign-on is not configured, so local sign-in stays on (README, \"Single sign-on\")");
        localSignIn.setEnabled(users.singleSignOnConfigured() || !users.localSignInEnabled());
        localSignIn.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            if (!Actions.run(
                    () -> users.setLocalSignIn(e.getValue()),
                    e.getValue() ? "Local sign-in switched on" : "Local sign-in switched off")) {
                localSignIn.setValue(e.getOldValue());
            }
        });

        grid.addColumn(UserInfo::username).setHeader("User").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(u -> u.source() == UserAdministration.Source.SSO ? "single sign-on" : "local")
                .setHeader("Signs in with")
                .setAutoWidth(true);
        grid.addColumn(u -> roleText(u.roles())).setHeader("Roles").setAutoWidth(true);
        grid.addColumn(u -> u.customer() == null ? "" : u.customer())
                .setHeader("Customer")
                .setAutoWidth(true);
        grid.addComponentColumn(UsersView::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(u -> u.lastSignInAt() == null ? "" : WHEN.format(u.lastSignInAt()))
                .setHeader("Last single sign-on")
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true);
        grid.setAllRowsVisible(true);

        add(
                new H1("Users"),
                new Paragraph("Who may use the console and with which roles. Engineers plan and run"
                        + " migrations, support answers isolation requests, admins manage settings and users."),
                new HorizontalLayout(add),
                localSignIn,
                grid);
        refresh();
    }

    private static String roleText(Set<Role> roles) {
        // VIEWER is implied by every staff role: show it only where it is the whole grant
        Set<Role> shown = roles.size() > 1 ? UserDialog.withoutViewer(roles) : roles;
        return shown.stream()
                .map(r -> r.name().toLowerCase(java.util.Locale.ROOT))
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private static Span status(UserInfo u) {
        var badge = new Span(u.enabled() ? "enabled" : "disabled");
        badge.getElement().getThemeList().add(u.enabled() ? "badge success" : "badge error");
        return badge;
    }

    private HorizontalLayout actions(UserInfo u) {
        var toggle = new Button(u.enabled() ? "Disable" : "Enable", e -> {
            if (Actions.run(
                    () -> users.setEnabled(u.username(), !u.enabled()),
                    u.username() + (u.enabled() ? " disabled" : " enabled"))) {
                refresh();
            }
        });
        toggle.setAriaLabel((u.enabled() ? "Disable " : "Enable ") + u.username());
        toggle.addThemeVariants(
                ButtonVariant.LUMO_SMALL, u.enabled() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
        var row = new HorizontalLayout(toggle);
        row.setSpacing(true);
        if (u.source() == UserAdministration.Source.LOCAL) {
            var password = new Button("Reset password", e -> openPassword(u));
            password.setAriaLabel("Reset the password of " + u.username());
            password.addThemeVariants(ButtonVariant.LUMO_SMALL);
            var roles = new Button("Roles", e -> openRoles(u));
            roles.setAriaLabel("Change the roles of " + u.username());
            roles.addThemeVariants(ButtonVariant.LUMO_SMALL);
            row.add(password, roles);
        }
        return row;
    }

    private void openAdd() {
        UserDialog d = new UserDialog("Add a local user", null);
        d.save.addClickListener(e -> {
            Set<Role> roles = d.chosenRoles();
            if (Actions.run(
                    () -> users.add(d.username.getValue(), d.password.getValue(), roles, d.customer.getValue()),
                    "User " + d.username.getValue().strip() + " added")) {
                d.close();
                refresh();
            }
        });
        show(d);
    }

    private void openPassword(UserInfo u) {
        UserDialog d = new UserDialog("New password for " + u.username(), u);
        d.roles.setVisible(false);
        d.customer.setVisible(false);
        d.save.addClickListener(e -> {
            if (Actions.run(
                    () -> users.resetPassword(u.username(), d.password.getValue()),
                    "Password of " + u.username() + " reset")) {
                d.close();
            }
        });
        show(d);
    }

    private void openRoles(UserInfo u) {
        UserDialog d = new UserDialog("Roles of " + u.username(), u);
        d.password.setVisible(false);
        d.save.addClickListener(e -> {
            Set<Role> roles = d.chosenRoles();
            if (Actions.run(
                    () -> users.changeRoles(u.username(), roles, d.customer.getValue()),
                    "Roles of " + u.username() + " changed")) {
                d.close();
                refresh();
            }
        });
        show(d);
    }

    private void show(UserDialog d) {
        d.addOpenedChangeListener(e -> dialog = e.isOpened() ? d : null);
        d.open();
        dialog = d;
    }

    private void refresh() {
        grid.setItems(users.list());
    }

    /** One dialog for adding a user, setting a password and changing roles; each hides what it does not need. */
    static final class UserDialog extends Dialog {

        final TextField username = new TextField("User name");
        final PasswordField password = new PasswordField("Password");
        final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
        final TextField customer = new TextField("Customer");
        final Button save = new Button("Save");

        UserDialog(String title, @Nullable UserInfo existing) {
            setHeaderTitle(title);
            username.setMaxLength(64);
            password.setHelperText("At least " + UserAdministration.MIN_PASSWORD + " characters; tell it to the user");
            password.setMaxLength(128);
            roles.setItems(Role.values());
            roles.setItemLabelGenerator(r -> switch (r) {
                case VIEWER -> "viewer (reads everything)";
                case ENGINEER -> "engineer (plans, runs migrations)";
                case SUPPORT -> "support (isolation requests)";
                case ADMIN -> "admin (settings, users)";
                case CUSTOMER -> "customer (its own registries only)";
                case INGEST -> "ingest (telemetry collector)";
            });
            customer.setMaxLength(64);
            customer.setHelperText("Only for a customer user: the customer it acts for");
            roles.addThemeVariants(com.vaadin.flow.component.checkbox.CheckboxGroupVariant.LUMO_VERTICAL);
            for (var field : List.of(username, password, customer)) {
                field.setWidthFull();
            }
            setWidth("min(32em, 95vw)");
            if (existing != null) {
                username.setValue(existing.username());
                username.setReadOnly(true);
                roles.setValue(existing.roles().size() > 1 ? withoutViewer(existing.roles()) : existing.roles());
                customer.setValue(existing.customer() == null ? "" : existing.customer());
            }
            var form = new VerticalLayout(username, password, roles, customer);
            form.setPadding(false);
            add(form);
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(new Button("Cancel", e -> close()), save);
        }

        Set<Role> chosenRoles() {
            return roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.getValue());
        }

        static Set<Role> withoutViewer(Set<Role> roles) {
            Set<Role> copy = EnumSet.copyOf(roles);
            copy.remove(Role.VIEWER);
            return copy;
        }
    }
}
