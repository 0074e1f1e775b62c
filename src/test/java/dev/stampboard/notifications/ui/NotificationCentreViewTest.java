package dev.stampboard.notifications.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import dev.stampboard.KaribuTest;
import dev.stampboard.notifications.Audience;
import dev.stampboard.notifications.NewNotification;
import dev.stampboard.notifications.NotificationKind;
import dev.stampboard.notifications.Notifications;
import dev.stampboard.security.Role;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 15 item 13: the bell shows the user's unread count in words and digits, the centre lists and opens them. */
class NotificationCentreViewTest extends KaribuTest {

    @Autowired
    Notifications notifications;

    private String publishForEngineers() {
        String subject = "eus-s0" + UUID.randomUUID().toString().substring(0, 6);
        login("alice");
        notifications.publish(new NewNotification(
                NotificationKind.STAMP_HOT,
                Set.of(Audience.role(Role.ENGINEER)),
                null,
                subject,
                "Stamp " + subject + " is HOT",
                "DATAPROXY hot-node P95 96.1 % (threshold 45 %)",
                "stamps/eus-s01"));
        return subject;
    }

    private static Button bell() {
        return _get(Button.class, spec -> spec.withId("notification-bell"));
    }

    @Test
    void the_bell_counts_unread_and_opening_one_marks_it_read_and_follows_its_link() {
        String subject = publishForEngineers();
        login("bob");
        notifications.markAllRead();
        String other = publishForEngineers();
        login("bob");
        UI.getCurrent().navigate("");
        assertThat(bell().getElement().getAttribute("aria-label")).isEqualTo("Notifications, 1 unread");
        assertThat(_get(Span.class, spec -> spec.withId("unread-count")).getText())
                .isEqualTo("1");

        ButtonKt._click(bell());
        assertThat(_get(NotificationsView.class)).isNotNull();
        ListItem item = _find(ListItem.class, spec -> spec.withClasses("notification")).stream()
                .filter(li -> li.getElement().getText().contains(other)
                        || li.getChildren()
                                .anyMatch(c ->
                                        c instanceof Button b && b.getText().contains(other)))
                .findFirst()
                .orElseThrow();
        assertThat(item.getElement().getAttribute("data-state"))
                .as("unread says so in words")
                .isEqualTo("New");
        assertThat(_find(ListItem.class, spec -> spec.withClasses("notification")).stream()
                        .filter(li -> li.getChildren()
                                .anyMatch(c ->
                                        c instanceof Button b && b.getText().contains(subject))))
                .singleElement()
                .satisfies(li ->
                        assertThat(li.getElement().getAttribute("data-state")).isEqualTo("Read"));

        Button open = item.getChildren()
                .filter(c -> c instanceof Button)
                .map(Button.class::cast)
                .findFirst()
                .orElseThrow();
        ButtonKt._click(open);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("stamps/eus-s01");
        assertThat(bell().getElement().getAttribute("aria-label")).isEqualTo("Notifications, none unread");
        assertThat(_find(Span.class, spec -> spec.withId("unread-count")))
                .as("no count shown at zero")
                .isEmpty();
    }

    @Test
    void mark_all_as_read_empties_the_count() {
        publishForEngineers();
        publishForEngineers();
        login("bob");
        UI.getCurrent().navigate(NotificationsView.class);
        var view = _get(NotificationsView.class);
        assertThat(view.summary.getText()).matches("[1-9][0-9]* unread of [0-9]+.*");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("mark-all-read")));
        assertThat(view.summary.getText()).startsWith("0 unread of ");
        assertThat(bell().getElement().getAttribute("aria-label")).isEqualTo("Notifications, none unread");
        assertThat(view.markAll.isEnabled()).isFalse();
    }
}
