package dev.stampboard.signals.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import dev.stampboard.signals.SignalsService;
import jakarta.annotation.security.RolesAllowed;

/** Admin-only: the thresholds that decide WARN and HOT. Every change is audited. */
@Route("settings")
@PageTitle("Settings · Stampboard")
@Menu(order = 90, icon = "vaadin:cog", title = "Settings")
@RolesAllowed(Role.ADMIN_NAME)
public class SignalSettingsView extends VerticalLayout {

    final NumberField hot = new NumberField("Hot threshold (%)");
    final NumberField warn = new NumberField("Warning threshold (%)");
    final Button save = new Button("Save thresholds");

    final RegionSettingsForm regions;

    public SignalSettingsView(
            SignalsService signals,
            dev.stampboard.signals.SignalSettingsService settingsService,
            CurrentUser user,
            dev.stampboard.signals.RegionSettingsService regionSettings,
            dev.stampboard.fleet.FleetService fleet) {
        regions = new RegionSettingsForm(
                regionSettings,
                user::actor,
                fleet.regions().stream()
                        .map(dev.stampboard.fleet.RegionInfo::name)
                        .toList());
        var settings = signals.settings();
        hot.setValue(settings.hotThreshold());
        warn.setValue(settings.warnThreshold());
        for (NumberField f : new NumberField[] {hot, warn}) {
            f.setMin(0);
            f.setMax(100);
            f.setStep(0.5);
            f.setWidth("18em");
            f.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
        }
        hot.setHelperText("A pool is HOT when its hot-node P95 is above this");
        warn.setHelperText("A pool is WARN from this value up");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            warn.setInvalid(false);
            if (hot.getValue() == null || warn.getValue() == null) {
                warn.setErrorMessage("Both thresholds are required");
                warn.setInvalid(true);
                return;
            }
            try {
                settingsService.changeThresholds(hot.getValue(), warn.getValue(), user.actor());
                Notification.show("Thresholds saved", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException ex) {
                warn.setErrorMessage(ex.getMessage());
                warn.setInvalid(true);
            }
        });
        add(new H1("Settings"), new Paragraph("Signal thresholds apply to every pool at once."), hot, warn, save);
        add(regions);
    }
}
