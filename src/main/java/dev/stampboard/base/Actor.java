package dev.stampboard.base;

/**
 * Who did something: a signed-in person (by user name) or the console itself. {@link #SYSTEM} is the
 * console acting on its own (expiry, isolation progress, provisioning); a component that runs steps
 * for the system under its own identity (the cutover executor) is {@link #system(String)}.
 * Views and the API only ever pass {@code CurrentUser.actor()}.
 */
public record Actor(String name, boolean isSystem) {

    /** The name the console acts under; a compile-time constant, so views can recognise it in stored history. */
    public static final String SYSTEM_NAME = "system";

    public static final Actor SYSTEM = new Actor(SYSTEM_NAME, true);

    public Actor {
        if (name.isBlank()) {
            throw new IllegalArgumentException("An actor needs a name");
        }
    }

    /** A signed-in person. */
    public static Actor user(String name) {
        return new Actor(name, false);
    }

    /** A part of the console acting for the system under its own name (e.g. an executor instance). */
    public static Actor system(String component) {
        return new Actor(component, true);
    }

    @Override
    public String toString() {
        return name;
    }
}
