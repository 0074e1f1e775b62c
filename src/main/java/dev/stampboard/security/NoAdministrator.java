package dev.stampboard.security;

/**
 * Start-up stops: the console would have no administrator (production profiles create no demo
 * users) and no password for the initial one was given.
 */
class NoAdministrator extends RuntimeException {

    NoAdministrator(String message) {
        super(message);
    }
}
