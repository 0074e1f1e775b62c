package dev.stampboard.base.ui;

import dev.stampboard.base.ConflictException;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import org.springframework.security.access.AccessDeniedException;

/**
 * Which exceptions are the service saying no, with a message written for the user, rather than a bug.
 * Refused state transitions ({@code TransitionRefused}) are {@link IllegalStateException}s; their messages name the rule.
 */
final class UserFacing {

    private UserFacing() {}

    static boolean isRefusal(Throwable e) {
        return e instanceof InvalidInputException
                || e instanceof NotFoundException
                || e instanceof IllegalStateException
                || e instanceof ConflictException
                || e instanceof AccessDeniedException;
    }

    static String message(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return "Your role may not do this. Ask an admin if you need it.";
        }
        return e.getMessage() == null || e.getMessage().isBlank()
                ? "That did not work; nothing was changed."
                : e.getMessage();
    }

    /** The refusal behind a wrapped exception (Vaadin wraps listener exceptions), if there is one. */
    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        for (int i = 0; i < 10 && t != null; i++) {
            if (isRefusal(t)) {
                return t;
            }
            t = t.getCause();
        }
        return e;
    }
}
