package dev.stampboard.base;

/**
 * Someone else changed the same thing a moment before (a lost optimistic-lock race or a duplicate
 * start); the API answers 409 with this message, which says who and what when it is known.
 */
public class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(String message) {
        super(message);
    }
}
