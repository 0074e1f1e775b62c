package dev.stampboard.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;

/**
 * Signs a console user in from the login view, inside a Vaadin request that Vaadin's CSRF token
 * already protects (so no bare form POST is needed): checks the password, gives the session a new
 * id (no fixation) and keeps the security context in it.
 */
@Service
public class LocalSignIn {

    private final AuthenticationManager authentication;
    private final SecurityContextHolderStrategy holder;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    LocalSignIn(AuthenticationManager authentication, SecurityContextHolderStrategy holder) {
        this.authentication = authentication;
        this.holder = holder;
    }

    /** The outcome a person sees: empty when signed in, else why not. */
    public java.util.Optional<String> signIn(
            String username, String password, HttpServletRequest request, HttpServletResponse response) {
        Authentication auth;
        try {
            auth = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        } catch (AuthenticationException refused) {
            // a lock or the switch says what to do; anything else is never more precise than this
            String told = "Incorrect username or password";
            if ((refused instanceof SignInThrottled || refused instanceof LocalSignInOff)
                    && refused.getMessage() != null) {
                told = refused.getMessage();
            }
            return java.util.Optional.of(told);
        }
        request.changeSessionId();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(auth);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        return java.util.Optional.empty();
    }
}
