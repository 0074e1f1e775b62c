package dev.stampboard.base;

/**
 * The request is valid but cannot be served now because of the system's current condition (it
 * changed meanwhile, or it is not ready yet); retrying later may succeed. The API answers 409.
 */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
