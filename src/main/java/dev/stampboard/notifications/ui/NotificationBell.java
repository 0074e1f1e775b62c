package dev.stampboard.notifications.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.stampboard.base.ui.NavbarItem;
import dev.stampboard.notifications.Notifications;

/**
 * The bell in the top bar with the user's unread count as a number (not a coloured dot). It recounts
 * on every navigation, on every poll of a live view, and when the centre marks something read.
 */
@org.springframework.stereotype.Component
class NotificationBell implements NavbarItem {

    /** Fired on the UI when the user read something, so the bell recounts at once. */
    static final class UnreadChanged extends ComponentEvent<UI> {
        UnreadChanged(UI ui) {
            super(ui, false);
        }
    }

    private final Notifications notifications;

    NotificationBell(Notifications notifications) {
        this.notifications = notifications;
    }

    static void unreadChanged(UI ui) {
        ComponentUtil.fireEvent(ui, new UnreadChanged(ui));
    }

    @Override
    public Component create(UI ui) {
        var count = new Span();
        count.setId("unread-count");
        count.getElement().getThemeList().add("badge error primary small pill");
        var button = new Button(VaadinIcon.BELL.create());
        button.setId("notification-bell");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setSuffixComponent(count);
        button.addClickListener(e -> ui.navigate(NotificationsView.class));
        Runnable recount = () -> show(button, count, notifications.unreadCount());
        recount.run();
        ui.addAfterNavigationListener(e -> recount.run());
        ui.addPollListener(e -> recount.run());
        ComponentUtil.addListener(ui, UnreadChanged.class, e -> recount.run());
        return button;
    }

    private static void show(Button button, Span count, long unread) {
        count.setText(unread > 99 ? "99+" : Long.toString(unread));
        count.setVisible(unread > 0);
        String label = unread == 0 ? "Notifications, none unread" : "Notifications, " + unread + " unread";
        button.setAriaLabel(label);
        button.setTooltipText(label);
    }
}
