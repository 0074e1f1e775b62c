package dev.stampboard.operations;

/**
 * Something the console must have done before it answers requests, beyond what start-up itself does
 * (migrations, users, the simulator's back-fill run before Spring Boot reports readiness); e.g. the
 * first Azure inventory.
 */
public interface ReadinessCheck {

    /** What is awaited, for the health details and the 503's message. */
    String awaiting();

    boolean isReady();
}
