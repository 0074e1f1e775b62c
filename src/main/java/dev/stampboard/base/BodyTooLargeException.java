package dev.stampboard.base;

import java.io.IOException;

/** A body without a declared length ran past its cap while being read (see {@link BodySizeLimit}). */
public class BodyTooLargeException extends IOException {

    private final long cap;

    BodyTooLargeException(long cap) {
        super("request body larger than " + cap + " bytes");
        this.cap = cap;
    }

    long cap() {
        return cap;
    }
}
