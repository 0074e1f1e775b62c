package dev.stampboard.security;

import org.springframework.security.core.AuthenticationException;

/** The identity provider vouched for someone the console will not let in; the message says why. */
class SingleSignOnRefused extends AuthenticationException {

    SingleSignOnRefused(String message) {
        super(message);
    }
}
