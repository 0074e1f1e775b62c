package dev.stampboard.base;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The optional body of an API step that takes a reason (reject, pause, roll back): {@code {"reason":"…"}}, at most
 * {@link InputLimits#TEXT} characters. The body itself may be left out.
 */
public record ReasonRequest(
        @Size(max = InputLimits.TEXT, message = "at most {max} characters") @Nullable
        String reason) {

    /** The reason given, or null when there was no body or no reason in it. */
    public static @Nullable String of(@Nullable ReasonRequest body) {
        return body == null ? null : body.reason();
    }
}
