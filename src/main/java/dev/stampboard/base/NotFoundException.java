package dev.stampboard.base;

/** Something asked for by name does not exist; the API answers 404 with this message. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
