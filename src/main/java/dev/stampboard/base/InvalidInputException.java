package dev.stampboard.base;

/** Input that breaks a rule; the message says what is wrong and how to fix it. The API answers 400. */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
