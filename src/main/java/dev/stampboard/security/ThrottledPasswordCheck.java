package dev.stampboard.security;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.stampboard.audit.AuditLog;

/**
 * The password check of local users (login view and HTTP Basic) behind the {@link SignInThrottle}:
 * a locked name or address is refused before BCrypt runs, and each lock that starts is audited.
 */
class ThrottledPasswordCheck implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final AuditLog audit;

    ThrottledPasswordCheck(DaoAuthenticationProvider passwords, SignInThrottle throttle, AuditLog audit) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String address = sourceAddress();
        Optional<Duration> locked = throttle.lockedFor(username, address);
        if (locked.isPresent()) {
            throw new SignInThrottled(locked.get());
        }
        try {
            Authentication ok = passwords.authenticate(attempt);
            throttle.succeeded(username);
            return ok;
        } catch (BadCredentialsException wrong) {
            throttle.failed(username, address).ifPresent(lock -> audit.record("system", "SIGN_IN_LOCKED",
                    "user " + abbreviate(username), "failed sign-ins for this user or from " + address
                            + "; locked for " + lock.toSeconds() + " s"));
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String sourceAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : "unknown";
    }

    private static String abbreviate(String username) {
        return username.length() <= 64 ? username : username.substring(0, 63) + "…";
    }
}
