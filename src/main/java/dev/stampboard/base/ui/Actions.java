package dev.stampboard.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.function.Supplier;

/**
 * The one way a view runs a user's action: on success a short confirmation; when the service refuses
 * (a rule, a state that does not allow it, a missing thing, a role), its message, kept on screen long
 * enough to read. Anything else is a bug and goes to {@link MainErrorHandler} untouched.
 */
public final class Actions {

    private Actions() {}

    /** Runs the action; true when it went through (the caller then moves on or redraws). */
    public static boolean run(Runnable action, String doneMessage) {
        return call(
                        () -> {
                            action.run();
                            return Boolean.TRUE;
                        },
                        doneMessage)
                != null;
    }

    /** Runs the action and returns its result, or null when the service refused it (the message is shown). */
    public static <T> @org.jspecify.annotations.Nullable T call(Supplier<T> action, String doneMessage) {
        try {
            T result = action.get();
            done(doneMessage);
            return result;
        } catch (RuntimeException e) {
            if (!UserFacing.isRefusal(e)) {
                throw e;
            }
            refused(UserFacing.message(e));
            return null;
        }
    }

    static void done(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static void refused(String message) {
        var n = Notification.show(message, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.getElement().setAttribute("role", "alert");
    }
}
