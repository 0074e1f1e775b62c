package dev.stampboard.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A confirmation that needs a text (a question, a reason). A required text left empty is said on the
 * field and the dialog stays open; it closes only when the action went through.
 */
public final class TextPrompt extends Dialog {

    public final TextArea text = new TextArea();
    public final Button confirm;
    public final Button cancel = new Button("Cancel", e -> close());

    /**
     * @param required message shown when the text is empty, or null when the text is optional
     * @param action   runs with the text; true when it went through (see {@link Actions#run})
     */
    public TextPrompt(
            String header,
            String label,
            String placeholder,
            String confirmText,
            boolean danger,
            int maxLength,
            @Nullable String required,
            Predicate<String> action) {
        setHeaderTitle(header);
        text.setLabel(label);
        text.setPlaceholder(placeholder);
        text.setMaxLength(maxLength);
        text.setWidthFull();
        text.setRequired(required != null);
        text.setMinWidth("min(28em, 80vw)");
        confirm = new Button(confirmText, e -> {
            String value = text.getValue() == null ? "" : text.getValue().strip();
            if (required != null && value.isEmpty()) {
                text.setErrorMessage(required);
                text.setInvalid(true);
                text.focus();
                return;
            }
            text.setInvalid(false);
            if (action.test(value)) {
                close();
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (danger) {
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        add(text);
        getFooter().add(cancel, confirm);
    }
}
