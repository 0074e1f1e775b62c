package dev.stampboard.base;

/**
 * A state machine refused a transition: the thing is in a state from which the asked step is not
 * allowed (or the rules of the step, such as four eyes, forbid it now). The API answers 409.
 *
 * <p>It extends {@link IllegalStateException} so callers that already treat a refused step as an
 * illegal state keep working; {@code ApiErrors} maps only this type, not every illegal state.
 */
public class TransitionRefused extends IllegalStateException {
    public TransitionRefused(String message) {
        super(message);
    }
}
