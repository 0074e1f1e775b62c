package dev.stampboard.notifications.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.UI;
import dev.stampboard.KaribuTest;
import dev.stampboard.base.ui.AccessDeniedView;
import org.junit.jupiter.api.Test;

/** Issue 15 item 13: an admin points the webhook somewhere; a wrong address gets a message at the field. */
class WebhookViewTest extends KaribuTest {

    @Test
    void an_admin_saves_the_webhook_and_a_wrong_address_is_explained_at_the_field() {
        login("erin");
        UI.getCurrent().navigate(WebhookView.class);
        WebhookView view = _get(WebhookView.class);
        HasValueUtilsKt._setValue(view.url, "chat.example.com/hooks/abc");
        HasValueUtilsKt._setValue(view.enabled, true);
        ButtonKt._click(view.save);
        assertThat(view.url.isInvalid()).isTrue();
        assertThat(view.url.getErrorMessage()).contains("http:// or https://");

        HasValueUtilsKt._setValue(view.url, "https://chat.example.com/hooks/abc");
        HasValueUtilsKt._setValue(view.enabled, false);
        ButtonKt._click(view.save);
        assertThat(view.url.isInvalid()).isFalse();
        assertThat(view.status.getText()).startsWith("Off: https://chat.example.com/…, set by erin");
        assertThat(view.test.isEnabled()).as("a test needs the webhook on").isFalse();
    }

    @Test
    void an_engineer_cannot_open_it() {
        login("alice");
        UI.getCurrent().navigate("settings/webhook");
        assertThat(_get(AccessDeniedView.class)).isNotNull();
    }
}
