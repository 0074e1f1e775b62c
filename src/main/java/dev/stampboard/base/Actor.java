package dev.stampboard.base;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who did something: a signed-in person (by user name) or the console itself. {@link #SYSTEM} is the
 * console acting on its own (expiry, isolation progress, provisioning); a component that runs steps
 * for the system under its own identity (the cutover executor) is {@link #system(String)}.
 * Views and the API only ever pass {@code CurrentUser.actor()}. Tables keep an actor as its name (text), and so does
 * JSON: an actor is written as its plain name, and a name read back is {@link #named}.
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

    /**
     * An actor read back from its stored name (a history row, JSON): {@link #SYSTEM} for the console's name, otherwise
     * the person or component of that name. Whether a component name stood for the system is not stored, so it reads
     * back as a person's; only role checks tell the two apart, and nothing read back is checked for a role.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Actor named(String name) {
        return SYSTEM_NAME.equals(name) ? SYSTEM : user(name);
    }

    /** A part of the console acting for the system under its own name (e.g. an executor instance). */
    public static Actor system(String component) {
        return new Actor(component, true);
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
