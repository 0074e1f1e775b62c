package dev.stampboard.score.ui;

import static dev.stampboard.base.Maps.known;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.NumberField;
import dev.stampboard.score.ModelCard;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An admin pins a version's weights by hand (DESIGN §2: weights an engineer can see and tune): one field per
 * feature, filled with the weight in use; saving pins what changed, releasing goes back to the fitted weights.
 */
class PinWeightsDialog extends Dialog {

    final Map<String, NumberField> fields = new LinkedHashMap<>();
    final Button save = new Button("Pin these weights");
    final Button release = new Button("Use the fitted weights");

    PinWeightsDialog(ModelCard card, Consumer<Map<String, Double>> pin, Runnable unpin, Runnable done) {
        setHeaderTitle("Weights of version " + card.version());
        FormLayout form = new FormLayout();
        for (ModelCard.FeatureWeight f : card.features()) {
            NumberField field = new NumberField(f.label());
            field.setId("weight-" + f.name());
            field.setValue(f.weight());
            field.setStep(0.001);
            field.setMin(-100);
            field.setMax(100);
            field.setHelperText("fitted " + String.format(java.util.Locale.ROOT, "%.3f", f.fittedWeight()));
            fields.put(f.name(), field);
            form.add(field);
        }
        add(form);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            Map<String, Double> weights = new LinkedHashMap<>();
            for (ModelCard.FeatureWeight f : card.features()) {
                NumberField field = known(fields, f.name());
                Double v = field.getValue();
                if (v == null || field.isInvalid()) {
                    field.setErrorMessage("Enter a weight between -100 and 100");
                    field.setInvalid(true);
                    return;
                }
                if (v != f.weight()) {
                    weights.put(f.name(), v);
                }
            }
            if (weights.isEmpty()) {
                close();
                return;
            }
            act(() -> pin.accept(weights), "Weights pinned", done);
        });
        release.setVisible(card.pinned());
        release.addClickListener(e -> act(unpin, "Fitted weights in use again", done));
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, release, save);
    }

    private void act(Runnable action, String message, Runnable done) {
        try {
            action.run();
            Notification.show(message).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            done.run();
        } catch (RuntimeException ex) {
            Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
