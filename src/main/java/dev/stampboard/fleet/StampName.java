package dev.stampboard.fleet;

/**
 * A stamp, e.g. {@code eus-s01}, by name: a type of its own so a core signature cannot take one name for another.
 * Whether it exists is the fleet's to say; this only refuses a blank name.
 */
public record StampName(String value) {

    public StampName {
        if (value.isBlank()) {
            throw new IllegalArgumentException("A stamp name must not be blank");
        }
    }

    public static StampName of(String value) {
        return new StampName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
