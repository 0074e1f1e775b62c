package dev.stampboard.score.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import dev.stampboard.score.Labelling;
import dev.stampboard.score.ScoreLabellingService;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;

/**
 * The labelling the next training uses (issue 16): the p99 SLO, the throttling share and the horizon. Admins change
 * it (audited); everyone else reads it.
 */
class LabellingForm extends Div {

    final NumberField slo = new NumberField("p99 SLO (ms)");
    final NumberField throttling = new NumberField("Throttling above (%)");
    final IntegerField horizon = new IntegerField("Horizon (hours)");
    final Button save = new Button("Save for the next training");
    final Button reset = new Button("Back to the defaults");
    final Paragraph state = new Paragraph();

    private final ScoreLabellingService labelling;
    private final CurrentUser user;

    LabellingForm(ScoreLabellingService labelling, CurrentUser user) {
        this.labelling = labelling;
        this.user = user;
        setId("labelling");
        boolean admin = user.has(Role.ADMIN);
        slo.setId("labelling-slo");
        throttling.setId("labelling-throttling");
        horizon.setId("labelling-horizon");
        save.setId("labelling-save");
        reset.setId("labelling-reset");
        state.setId("labelling-state");
        throttling.setStep(0.1);
        for (var f : new com.vaadin.flow.component.HasValue<?, ?>[] {slo, throttling, horizon}) {
            f.setReadOnly(!admin);
        }
        slo.setWidth("11em");
        throttling.setWidth("11em");
        horizon.setWidth("11em");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(admin);
        reset.setVisible(admin);
        save.addClickListener(e -> apply(() -> labelling.changeLabelling(
                Labelling.of(slo.getValue(), throttling.getValue(), horizon.getValue()), user.actor())));
        reset.addClickListener(e -> apply(() -> labelling.resetLabelling(user.actor())));
        HorizontalLayout fields = new HorizontalLayout(slo, throttling, horizon, save, reset);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        add(new H3("What counts as an incident (next training)"), state, fields);
        show(labelling.labelling());
    }

    private void apply(java.util.function.Supplier<Labelling> change) {
        try {
            Labelling now = change.get();
            show(now);
            Notification.show("Saved: the next training labels " + now.describe())
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (RuntimeException ex) {
            Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    void show(Labelling l) {
        slo.setValue(l.p99SloMs());
        throttling.setValue(l.throttlingPercent());
        horizon.setValue(l.horizonHours());
        state.setText("An incident is " + l.describe().replace(", ", " sustained; the score looks ")
                + (l.custom() ? " (set by an admin)" : " (the configured defaults)")
                + ". Versions already trained keep the labelling they were trained with (their summary says it)."
                + (user.has(Role.ADMIN) ? "" : " Admins change it."));
    }
}
