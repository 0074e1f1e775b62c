package dev.stampboard.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** Password sign-in (login form and HTTP Basic) passes only while local sign-in is switched on. */
class LocalSignInGate implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LocalSignInSetting setting;

    LocalSignInGate(AuthenticationProvider passwords, LocalSignInSetting setting) {
        this.passwords = passwords;
        this.setting = setting;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!setting.enabled()) {
            throw new LocalSignInOff();
        }
        return passwords.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
