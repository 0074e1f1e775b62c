package dev.stampboard.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Karibu's request for one UI session, answering {@code getUserPrincipal()} / {@code isUserInRole()} from the test
 * thread's Spring Security context when asked, as the console's requests do from the signed-in session. Read at the
 * call, not when the session opens: a test signs in after its page exists, without building a second one.
 */
public final class SecurityContextRequest extends FakeRequest {

    public SecurityContextRequest(HttpSession session) {
        super(session);
    }

    @Override
    public Principal getUserPrincipal() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    @Override
    public boolean isUserInRole(String role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }
}
