package dev.stampboard.security;

import org.springframework.security.core.AuthenticationException;

/** A password sign-in while an administrator has switched local sign-in off. */
class LocalSignInOff extends AuthenticationException {

    LocalSignInOff() {
        super("Sign-in with a console password is switched off: use single sign-on, or an API token for scripts");
    }
}
