package dev.stampboard.base;

/**
 * What the request changes is being changed by another transaction right now, and waiting for it took longer than
 * the database waits for a lock: nothing of the request was stored, and the same request sent again a moment later is
 * expected to succeed. The API answers 409 with {@code Retry-After}, so a client or a person retries instead of
 * reporting a bug (a 500 said "unexpected error" here before).
 */
public class BusyException extends ConflictException {

    private final int retryAfterSeconds;

    public BusyException(String message, int retryAfterSeconds, Throwable cause) {
        super(message);
        initCause(cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** How long to wait before sending the request again ({@code Retry-After}). */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
