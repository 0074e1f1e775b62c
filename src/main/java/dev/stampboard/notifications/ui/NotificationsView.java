package dev.stampboard.notifications.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.stampboard.notifications.Notification;
import dev.stampboard.notifications.Notifications;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The signed-in user's notifications, newest first. Unread ones say "New" in words, decided ones
 * "Done", so the state never rests on colour or weight alone. Opening one marks it read.
 */
@Route("notifications")
@PageTitle("Notifications · Stampboard")
@PermitAll
public class NotificationsView extends VerticalLayout {

    static final int LIMIT = 100;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    final Paragraph summary = new Paragraph();
    final Button markAll = new Button("Mark all as read");
    final UnorderedList list = new UnorderedList();
    private final Notifications notifications;

    public NotificationsView(Notifications notifications) {
        this.notifications = notifications;
        summary.setId("notification-summary");
        markAll.setId("mark-all-read");
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        markAll.addClickListener(e -> {
            notifications.markAllRead();
            changed();
        });
        list.setId("notifications");
        list.addClassNames(LumoUtility.Padding.NONE, LumoUtility.Margin.NONE);
        list.getStyle().set("list-style", "none").set("width", "100%").set("max-width", "60em");
        var head = new HorizontalLayout(summary, markAll);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.getStyle().set("flex-wrap", "wrap");
        add(new H1("Notifications"), head, list);
        refresh();
    }

    void refresh() {
        List<Notification> mine = notifications.mine(LIMIT);
        long unread = mine.stream().filter(Notification::unread).count();
        summary.setText(
                mine.isEmpty()
                        ? "Nothing yet: plans awaiting your approval, requests needing your answer,"
                                + " paused or failed migrations and HOT stamps appear here."
                        : unread + " unread of " + mine.size()
                                + (mine.size() >= LIMIT ? " (the newest " + LIMIT + ")" : ""));
        markAll.setEnabled(unread > 0);
        list.removeAll();
        mine.forEach(n -> list.add(item(n)));
    }

    private ListItem item(Notification n) {
        var kind = new Span(n.kind().label());
        kind.getElement().getThemeList().add("badge contrast small");
        var state = new Span(n.resolved() ? "Done" : n.read() ? "Read" : "New");
        state.getElement()
                .getThemeList()
                .add(n.resolved() ? "badge success small" : n.read() ? "badge small" : "badge primary small");
        var when = new Span(WHEN.format(n.at()) + " UTC");
        when.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        var top = new HorizontalLayout(state, kind, when);
        top.setSpacing(true);
        top.setAlignItems(FlexComponent.Alignment.CENTER);
        top.getStyle().set("flex-wrap", "wrap");
        var open = new Button(n.title(), e -> {
            if (!n.read()) {
                notifications.markRead(n.id());
                unreadChangedHere();
            }
            UI.getCurrent().navigate(n.link());
        });
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        open.addClassNames(
                "notification-title", n.unread() ? LumoUtility.FontWeight.BOLD : LumoUtility.FontWeight.NORMAL);
        open.getStyle().set("white-space", "normal").set("text-align", "start").set("height", "auto");
        var detail = new Div(n.detail());
        detail.addClassNames(LumoUtility.FontSize.SMALL);
        var item = new ListItem(top, open, detail);
        item.addClassNames(
                "notification",
                LumoUtility.Padding.Vertical.SMALL,
                LumoUtility.Border.BOTTOM,
                LumoUtility.BorderColor.CONTRAST_10);
        item.getElement().setAttribute("data-kind", n.kind().name());
        item.getElement().setAttribute("data-state", state.getText());
        return item;
    }

    private void changed() {
        refresh();
        unreadChangedHere();
    }

    private static void unreadChangedHere() {
        UI ui = UI.getCurrent();
        if (ui != null) {
            NotificationBell.unreadChanged(ui);
        }
    }
}
