package dev.stampboard.notifications.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stampboard.base.ui.Actions;
import dev.stampboard.base.ui.Polling;
import dev.stampboard.notifications.WebhookDelivery;
import dev.stampboard.notifications.WebhookSettings;
import dev.stampboard.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Admin-only: the outgoing webhook every notification is POSTed to as JSON (a chat tool's incoming
 * webhook, say), a test message, and the latest deliveries with their attempts and errors.
 */
@Route("settings/webhook")
@PageTitle("Webhook · Stampboard")
@Menu(order = 91, icon = "vaadin:connect", title = "Webhook")
@RolesAllowed(Role.ADMIN_NAME)
public class WebhookView extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    final TextField url = new TextField("Webhook URL");
    final Checkbox enabled = new Checkbox("Send every notification to this address");
    final Button save = new Button("Save");
    final Button test = new Button("Send a test");
    final Paragraph status = new Paragraph();
    final Grid<WebhookDelivery> deliveries = new Grid<>();
    private final WebhookSettings webhook;

    public WebhookView(WebhookSettings webhook) {
        this.webhook = webhook;
        url.setId("webhook-url");
        url.setWidth("min(100%, 40em)");
        url.setPlaceholder("https://chat.example.com/hooks/…");
        url.setHelperText(
                "Each notification is POSTed as JSON (id, kind, title, detail, link, at, text); failures are retried with"
                        + " doubling delays and the outcome is audited.");
        enabled.setId("webhook-enabled");
        webhook.current().ifPresent(h -> {
            url.setValue(h.url());
            enabled.setValue(h.enabled());
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            url.setInvalid(false);
            try {
                webhook.configure(url.getValue(), enabled.getValue());
                com.vaadin.flow.component.notification.Notification.show(
                        enabled.getValue() ? "Webhook saved and on" : "Webhook saved and off",
                        3000,
                        com.vaadin.flow.component.notification.Notification.Position.BOTTOM_START);
                refresh();
            } catch (dev.stampboard.base.InvalidInputException ex) {
                url.setErrorMessage(ex.getMessage());
                url.setInvalid(true);
            }
        });
        test.addClickListener(e -> {
            if (Actions.call(webhook::sendTest, "Test notification queued") != null) {
                refresh();
            }
        });
        var buttons = new HorizontalLayout(save, test);
        buttons.setAlignItems(FlexComponent.Alignment.BASELINE);

        deliveries.setId("webhook-deliveries");
        deliveries.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        deliveries.addColumn(WebhookDelivery::title).setHeader("Notification").setFlexGrow(1);
        deliveries
                .addColumn(WebhookDelivery::state)
                .setHeader("State")
                .setKey("state")
                .setAutoWidth(true)
                .setFlexGrow(0);
        deliveries
                .addColumn(WebhookDelivery::attempts)
                .setHeader("Attempts")
                .setKey("attempts")
                .setAutoWidth(true)
                .setFlexGrow(0);
        deliveries
                .addColumn(d -> d.finishedAt() != null
                        ? "done " + WHEN.format(d.finishedAt())
                        : "next try " + WHEN.format(d.nextAttemptAt()))
                .setHeader("When (UTC, wall clock)")
                .setAutoWidth(true)
                .setFlexGrow(0);
        deliveries
                .addColumn(d -> d.lastError() == null ? "" : d.lastError())
                .setHeader("Last error")
                .setFlexGrow(1);
        deliveries.setEmptyStateText("Nothing sent yet.");
        deliveries.setAllRowsVisible(true);

        add(new H1("Webhook"), status, url, enabled, buttons, new H2("Latest deliveries"), deliveries);
        refresh();
        Polling.whileAttached(this, 2000, this::refresh);
    }

    void refresh() {
        status.setText(webhook.current()
                .map(h -> (h.enabled() ? "On" : "Off") + ": " + h.maskedUrl() + ", set by " + h.changedBy() + " at "
                        + WHEN.format(h.changedAt()) + " UTC")
                .orElse("No webhook configured: notifications stay in the console."));
        test.setEnabled(webhook.current().map(h -> h.enabled()).orElse(false));
        deliveries.setItems(webhook.recentDeliveries(20));
    }
}
