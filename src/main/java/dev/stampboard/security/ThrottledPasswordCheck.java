package dev.stampboard.security;

import java.time.Duration;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The password check of local users (login view and HTTP Basic) behind the {@link SignInThrottle}:
 * a locked name or address is refused before BCrypt runs, and each lock that starts is audited.
 */
class ThrottledPasswordCheck implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;

    ThrottledPasswordCheck(
            DaoAuthenticationProvider passwords, SignInThrottle throttle, ApplicationEventPublisher events) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.events = events;
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
            throttle.failed(username, address)
                    .ifPresent(lock ->
                            events.publishEvent(new SignInLocked(abbreviate(username), address, lock.toSeconds())));
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String sourceAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr()
                : "unknown";
    }

    private static String abbreviate(String username) {
        return username.length() <= 64 ? username : username.substring(0, 63) + "…";
    }
}
