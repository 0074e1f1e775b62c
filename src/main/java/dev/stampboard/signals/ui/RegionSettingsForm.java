package dev.stampboard.signals.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import dev.stampboard.base.Actor;
import dev.stampboard.signals.RegionSettingsInput;
import dev.stampboard.signals.RegionSettingsService;
import dev.stampboard.signals.RegionSettingsService.RegionSettingsDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One region's peak window, reactive rules and score rule (issue 16): shows the effective settings (own or
 * the defaults), saves them for the region or resets it to the defaults. The service validates; each
 * refused field is marked with its message.
 */
class RegionSettingsForm extends VerticalLayout {

    final Select<String> region = new Select<>();
    final Select<String> windowKind = new Select<>();
    final IntegerField windowMinutes = new IntegerField("Trailing window (min)");
    final TextField dailyStart = new TextField("Daily start (HH:mm)");
    final TextField dailyEnd = new TextField("Daily end (HH:mm)");
    final TextField dailyZone = new TextField("Time zone");
    final NumberField throttlingPercent = new NumberField("Throttling above (%)");
    final IntegerField throttlingMinutes = new IntegerField("… for (min)");
    final NumberField errorPercent = new NumberField("5xx above (%)");
    final IntegerField errorMinutes = new IntegerField("… for (min)");
    final NumberField p99LatencyMs = new NumberField("p99 latency above (ms)");
    final IntegerField p99Minutes = new IntegerField("… for (min)");
    final NumberField scoreThreshold = new NumberField("Score at or above (0–100)");
    final IntegerField scoreMinutes = new IntegerField("… for (min)");
    final Button save = new Button("Save region settings");
    final Button reset = new Button("Reset to defaults");
    final Paragraph status = new Paragraph();

    private final Map<String, HasValidation> byField = new LinkedHashMap<>();
    private final RegionSettingsService settings;
    private final Supplier<Actor> actor;

    RegionSettingsForm(RegionSettingsService settings, Supplier<Actor> actor, List<String> regions) {
        this.settings = settings;
        this.actor = actor;
        setPadding(false);
        region.setLabel("Region");
        region.setItems(regions);
        windowKind.setLabel("Peak window");
        windowKind.setItems("TRAILING", "DAILY");
        windowKind.setItemLabelGenerator(k -> k.equals("TRAILING") ? "Trailing N minutes" : "Fixed daily window");
        windowKind.addValueChangeListener(e -> showWindowFields());
        byField.put("peakWindow", windowKind);
        byField.put("windowMinutes", windowMinutes);
        byField.put("dailyStart", dailyStart);
        byField.put("dailyEnd", dailyEnd);
        byField.put("dailyZone", dailyZone);
        byField.put("throttlingPercent", throttlingPercent);
        byField.put("throttlingMinutes", throttlingMinutes);
        byField.put("errorPercent", errorPercent);
        byField.put("errorMinutes", errorMinutes);
        byField.put("p99LatencyMs", p99LatencyMs);
        byField.put("p99Minutes", p99Minutes);
        byField.put("scoreThreshold", scoreThreshold);
        byField.put("scoreMinutes", scoreMinutes);
        dailyZone.setPlaceholder("Europe/Amsterdam");
        scoreThreshold.setHelperText("The stamp score triggers rebalancing when held this long");
        throttlingPercent.setHelperText("Reactive triggers are sustained: every minute above, for the minutes given");
        region.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                show(settings.get(e.getValue()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        reset.addClickListener(e -> reset());

        FormLayout window = new FormLayout(windowKind, windowMinutes, dailyStart, dailyEnd, dailyZone);
        FormLayout rules = new FormLayout(
                throttlingPercent,
                throttlingMinutes,
                errorPercent,
                errorMinutes,
                p99LatencyMs,
                p99Minutes,
                scoreThreshold,
                scoreMinutes);
        rules.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        window.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 3));
        add(
                new H2("Triggers per region"),
                new Paragraph("A stamp is triggered — the planner takes it as a source — when a pool's hot-node P95 is"
                        + " above the hot threshold, a reactive rule is sustained, or its score stays at or above the"
                        + " score threshold. Each region may have its own peak window and rules."),
                region,
                status,
                window,
                rules,
                new HorizontalLayout(save, reset));
        if (!regions.isEmpty()) {
            region.setValue(regions.get(0));
        }
    }

    private void show(RegionSettingsDetails details) {
        clearErrors();
        RegionSettingsInput in = RegionSettingsInput.of(details.settings());
        windowKind.setValue(in.peakWindow());
        windowMinutes.setValue(in.windowMinutes());
        dailyStart.setValue(in.dailyStart() == null ? "" : in.dailyStart());
        dailyEnd.setValue(in.dailyEnd() == null ? "" : in.dailyEnd());
        dailyZone.setValue(in.dailyZone() == null ? "" : in.dailyZone());
        throttlingPercent.setValue(in.throttlingPercent());
        throttlingMinutes.setValue(in.throttlingMinutes());
        errorPercent.setValue(in.errorPercent());
        errorMinutes.setValue(in.errorMinutes());
        p99LatencyMs.setValue(in.p99LatencyMs());
        p99Minutes.setValue(in.p99Minutes());
        scoreThreshold.setValue(in.scoreThreshold());
        scoreMinutes.setValue(in.scoreMinutes());
        status.setText(
                details.custom()
                        ? details.region() + " has settings of its own."
                        : details.region() + " uses the defaults (stampboard.signals.*).");
        reset.setEnabled(details.custom());
        showWindowFields();
    }

    private void showWindowFields() {
        boolean daily = "DAILY".equals(windowKind.getValue());
        windowMinutes.setVisible(!daily);
        dailyStart.setVisible(daily);
        dailyEnd.setVisible(daily);
        dailyZone.setVisible(daily);
    }

    RegionSettingsInput input() {
        boolean daily = "DAILY".equals(windowKind.getValue());
        return new RegionSettingsInput(
                windowKind.getValue(),
                daily ? null : windowMinutes.getValue(),
                daily ? blankToNull(dailyStart.getValue()) : null,
                daily ? blankToNull(dailyEnd.getValue()) : null,
                daily ? blankToNull(dailyZone.getValue()) : null,
                throttlingPercent.getValue(),
                throttlingMinutes.getValue(),
                errorPercent.getValue(),
                errorMinutes.getValue(),
                p99LatencyMs.getValue(),
                p99Minutes.getValue(),
                scoreThreshold.getValue(),
                scoreMinutes.getValue());
    }

    private void save() {
        clearErrors();
        try {
            show(settings.change(region.getValue(), input(), actor.get()));
            Notification.show("Settings of " + region.getValue() + " saved", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (RegionSettingsService.InvalidSettings invalid) {
            for (RegionSettingsInput.Problem p : invalid.problems()) {
                HasValidation field = byField.get(p.field());
                if (field != null) {
                    field.setErrorMessage(p.message());
                    field.setInvalid(true);
                }
            }
        }
    }

    private void reset() {
        show(settings.reset(region.getValue(), actor.get()));
        Notification.show(region.getValue() + " uses the defaults again", 3000, Notification.Position.BOTTOM_START);
    }

    private void clearErrors() {
        byField.values().forEach(f -> f.setInvalid(false));
    }

    private static @org.jspecify.annotations.Nullable String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
