package dev.stampboard.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import dev.stampboard.KaribuTest;
import dev.stampboard.base.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15 item 5: unknown addresses and unexpected errors stay inside the console, in words. */
class ErrorPagesTest extends KaribuTest {

    @Test
    void an_unknown_address_is_a_page_of_the_console_not_the_route_list() {
        login("dave");
        // UI.navigate hands unknown paths to the browser's router, which asks the server: do what the server then does
        UI ui = UI.getCurrent();
        ui.getInternals()
                .getRouter()
                .navigate(
                        ui,
                        new com.vaadin.flow.router.Location("no-such-page"),
                        com.vaadin.flow.router.NavigationTrigger.PAGE_LOAD);
        NotFoundView view = _get(NotFoundView.class);
        assertThat(_get(MainLayout.class)).as("inside the app frame").isNotNull();
        assertThat(_get(view, H1.class).getText()).isEqualTo("Page not found");
        assertThat(view.getElement().getTextRecursively())
                .contains("/no-such-page")
                .contains("fleet dashboard");
    }

    /** Issue 15 items 10 and 12: every page says when its clock is simulated, and the view is the main landmark. */
    @Test
    void the_frame_shows_the_simulated_clock_and_marks_the_view_as_main() {
        login("dave");
        UI.getCurrent().navigate("");
        var badge = _get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("clock-badge"));
        assertThat(badge.getElement().getTextRecursively())
                .isEqualTo("Simulated clock · stopped (moves only when advanced)");
        assertThat(_get(dev.stampboard.dashboard.ui.FleetView.class)
                        .getElement()
                        .getAttribute("role"))
                .isEqualTo("main");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(H1.class)).hasSize(1);
    }

    @Test
    void a_bug_is_logged_with_a_reference_and_the_user_reads_a_sentence_not_a_stack_trace() {
        login("dave");
        UI.getCurrent().navigate("");
        MainErrorHandler.handle(new ErrorEvent(new NullPointerException("Cannot invoke \"String.length()\"")));
        List<Notification> shown = NotificationsKt.getNotifications();
        assertThat(shown).hasSize(1);
        String text = text(shown.get(0));
        assertThat(text)
                .startsWith("Something went wrong and nothing was changed. It has been logged as ")
                .doesNotContain("NullPointerException")
                .doesNotContain("String.length");
    }

    @Test
    void a_refusal_by_a_service_reads_as_its_message() {
        login("dave");
        UI.getCurrent().navigate("");
        MainErrorHandler.handle(new ErrorEvent(new RuntimeException(new InvalidInputException("reason: say why"))));
        assertThat(text(NotificationsKt.getNotifications().get(0))).isEqualTo("reason: say why");
    }

    @Test
    void actions_say_done_or_the_refusal_and_let_bugs_through() {
        login("dave");
        UI.getCurrent().navigate("");
        assertThat(Actions.run(() -> {}, "Saved")).isTrue();
        assertThat(text(NotificationsKt.getNotifications().get(0))).isEqualTo("Saved");
        assertThat(Actions.run(
                        () -> {
                            throw new IllegalStateException("only a DRAFT plan can be submitted");
                        },
                        "Submitted"))
                .isFalse();
        assertThat(NotificationsKt.getNotifications().stream().map(ErrorPagesTest::text))
                .contains("only a DRAFT plan can be submitted")
                .doesNotContain("Submitted");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Actions.run(
                        () -> {
                            throw new NullPointerException("bug");
                        },
                        "Done"))
                .isInstanceOf(NullPointerException.class);
    }

    private static String text(Notification n) {
        return n.getElement().getProperty("text", "");
    }
}
