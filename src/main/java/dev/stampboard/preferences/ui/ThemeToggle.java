package dev.stampboard.preferences.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.theme.lumo.Lumo;
import dev.stampboard.base.ui.NavbarItem;
import dev.stampboard.preferences.UserPreferences;

/** Lumo dark or light, switched in the top bar and remembered for the user. */
@org.springframework.stereotype.Component
class ThemeToggle implements NavbarItem {

    private final UserPreferences preferences;

    ThemeToggle(UserPreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public Component create(UI ui) {
        apply(ui, preferences.darkTheme());
        var button = new Button();
        button.setId("theme-toggle");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        label(button, ui);
        button.addClickListener(e -> {
            boolean dark = !ui.getElement().getThemeList().contains(Lumo.DARK);
            preferences.setDarkTheme(dark);
            apply(ui, dark);
            label(button, ui);
        });
        return button;
    }

    private static void apply(UI ui, boolean dark) {
        if (dark) {
            ui.getElement().getThemeList().add(Lumo.DARK);
        } else {
            ui.getElement().getThemeList().remove(Lumo.DARK);
        }
    }

    private static void label(Button button, UI ui) {
        boolean dark = ui.getElement().getThemeList().contains(Lumo.DARK);
        button.setIcon((dark ? VaadinIcon.SUN_O : VaadinIcon.MOON_O).create());
        button.setAriaLabel(dark ? "Use the light theme" : "Use the dark theme");
        button.setTooltipText(dark ? "Light theme" : "Dark theme");
    }
}
