package dev.stampboard.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stampboard.base.ui.Actions;
import dev.stampboard.security.ApiTokens;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * API tokens for scripts: create one (its secret is shown once, in a dialog, never again), see yours (an admin
 * sees everyone's), revoke. A personal token acts as you with at most your roles; an admin also creates service
 * tokens for automation.
 */
@Route("tokens")
@PageTitle("API tokens · Stampboard")
@Menu(order = 94, icon = "vaadin:key", title = "API tokens")
@PermitAll
public class ApiTokensView extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    final TextField name = new TextField("Name");
    final IntegerField days = new IntegerField("Valid for (days)");
    final RadioButtonGroup<ApiTokens.Kind> kind = new RadioButtonGroup<>("Kind");
    final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
    final Button create = new Button("Create token");
    final Grid<ApiTokens.TokenInfo> grid = new Grid<>();
    /** The dialog that shows a new token's secret, while open. */
    @Nullable
    Dialog shown;

    private final ApiTokens tokens;

    public ApiTokensView(ApiTokens tokens, CurrentUser user) {
        this.tokens = tokens;
        Set<Role> own = user.roles();
        boolean admin = own.contains(Role.ADMIN);
        name.setId("token-name");
        name.setMaxLength(48);
        name.setRequired(true);
        name.setPlaceholder("nightly capacity report");
        name.setHelperText("So you recognise it when you revoke it");
        days.setMin(1);
        days.setMax(365);
        days.setValue(90);
        days.setStepButtonsVisible(true);
        days.setHelperText("1–365 days; it stops working then");
        kind.setItems(ApiTokens.Kind.PERSONAL, ApiTokens.Kind.SERVICE);
        kind.setValue(ApiTokens.Kind.PERSONAL);
        kind.setItemLabelGenerator(k -> k == ApiTokens.Kind.PERSONAL
                ? "Personal (acts as you)"
                : "Service (a named client with its own roles)");
        kind.setVisible(admin);
        kind.addValueChangeListener(e -> roleChoices(own));
        roles.setHelperText("None ticked: all of your roles");
        roleChoices(own);
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        var form = new HorizontalLayout(name, days, kind, roles, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.addColumn(ApiTokens.TokenInfo::name)
                .setHeader("Name")
                .setAutoWidth(true)
                .setFlexGrow(1);
        grid.addColumn(t -> t.kind().name().toLowerCase(java.util.Locale.ROOT))
                .setHeader("Kind")
                .setAutoWidth(true);
        grid.addColumn(ApiTokens.TokenInfo::owner).setHeader("Owner").setAutoWidth(true);
        grid.addColumn(t -> t.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")))
                .setHeader("Roles")
                .setAutoWidth(true);
        grid.addColumn(t -> WHEN.format(t.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : WHEN.format(t.lastUsedAt()))
                .setHeader("Last used")
                .setAutoWidth(true);
        grid.addComponentColumn(t -> status(t)).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton)
                .setHeader("")
                .setKey("revoke")
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No API tokens yet");

        add(
                new H1("API tokens"),
                new Paragraph("Scripts call the API with Authorization: Bearer <token>. The token is"
                        + " shown once when it is created; only a hash of it is stored."),
                form,
                new H2("Tokens"),
                grid);
        refresh();
    }

    private void roleChoices(Set<Role> own) {
        Set<Role> choices = EnumSet.noneOf(Role.class);
        if (kind.getValue() == ApiTokens.Kind.SERVICE) {
            choices.addAll(EnumSet.complementOf(EnumSet.of(Role.ADMIN)));
            roles.setHelperText("Tick the roles the service needs");
        } else {
            choices.addAll(own);
            roles.setHelperText("None ticked: all of your roles");
        }
        roles.setItems(choices);
    }

    private void create() {
        Set<Role> chosen = roles.getValue().isEmpty() ? Set.of() : EnumSet.copyOf(roles.getValue());
        int validDays = days.getValue() == null ? 0 : days.getValue();
        ApiTokens.NewToken token = Actions.call(
                () -> tokens.create(name.getValue(), kind.getValue(), chosen, Duration.ofDays(validDays)),
                "Token created");
        if (token == null) {
            return;
        }
        name.clear();
        name.setInvalid(false); // cleared for the next token, not a mistake of this one
        roles.clear();
        showOnce(token);
        refresh();
    }

    /** The secret in a read-only field to copy; closing the dialog is the last time anyone sees it. */
    private void showOnce(ApiTokens.NewToken token) {
        var secret = new TextField("Token");
        secret.setId("new-token-secret");
        secret.setValue(token.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.getElement().executeJs("this.inputElement.select()");
        var dialog = new Dialog();
        dialog.setHeaderTitle("Copy your new token now");
        dialog.add(
                new Paragraph("It is shown only this once. Anyone who has it acts as '"
                        + token.token().owner()
                        + "' with roles " + token.token().roles() + " until "
                        + WHEN.format(token.token().expiresAt())
                        + " or until it is revoked."),
                secret);
        dialog.setWidth("min(40em, 95vw)");
        var close = new Button("I have copied it", e -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.addOpenedChangeListener(e -> shown = e.isOpened() ? dialog : null);
        dialog.open();
        shown = dialog;
    }

    private Span status(ApiTokens.TokenInfo t) {
        String text;
        String theme;
        if (t.revokedAt() != null) {
            text = "revoked";
            theme = "badge error";
        } else if (!t.expiresAt().isAfter(Instant.now())) {
            text = "expired";
            theme = "badge contrast";
        } else {
            text = "active";
            theme = "badge success";
        }
        var badge = new Span(text);
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    private Button revokeButton(ApiTokens.TokenInfo t) {
        var revoke = new Button("Revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.setAriaLabel("Revoke token " + t.name());
        revoke.setEnabled(t.revokedAt() == null && t.expiresAt().isAfter(Instant.now()));
        revoke.addClickListener(e -> {
            var confirm = new ConfirmDialog(
                    "Revoke '" + t.name() + "'?", "Scripts that use it get 401 from now on.", "Revoke", ok -> {
                        if (Actions.run(() -> tokens.revoke(t.id()), "Token revoked")) {
                            refresh();
                        }
                    });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        return revoke;
    }

    private void refresh() {
        grid.setItems(tokens.list());
    }
}
