package dev.stampboard.preferences.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.theme.lumo.Lumo;
import dev.stampboard.KaribuTest;
import org.junit.jupiter.api.Test;

/** Issue 15 item 16: a dark theme, remembered per user. */
class ThemeToggleTest extends KaribuTest {

    @Test
    void the_dark_theme_is_remembered_for_the_user_who_chose_it() {
        login("dave");
        UI.getCurrent().navigate("");
        assertThat(UI.getCurrent().getElement().getThemeList()).doesNotContain(Lumo.DARK);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("theme-toggle")));
        assertThat(UI.getCurrent().getElement().getThemeList()).contains(Lumo.DARK);

        login("carol"); // someone else keeps the light theme
        UI.getCurrent().navigate("");
        assertThat(UI.getCurrent().getElement().getThemeList()).doesNotContain(Lumo.DARK);

        login("dave"); // a new session of dave's opens dark
        UI.getCurrent().navigate("");
        assertThat(UI.getCurrent().getElement().getThemeList()).contains(Lumo.DARK);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("theme-toggle")));
        assertThat(UI.getCurrent().getElement().getThemeList()).doesNotContain(Lumo.DARK);
    }
}
