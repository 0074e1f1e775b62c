package dev.stampboard;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import dev.stampboard.support.ContextServlet;
import dev.stampboard.support.SecurityContextRequest;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Base of the UI tests. Logging in goes through the real user store and password check, and the
 * fake servlet request answers {@code getUserPrincipal()} / {@code isUserInRole()} from Spring
 * Security ({@link SecurityContextRequest}), so {@code @RolesAllowed} is enforced exactly as in the running console.
 * A test opens each view by navigating to it after {@link #login}; the servlet is the context's
 * ({@link ContextServlet}).
 */
public abstract class KaribuTest extends SpringTest {

    /** The console's own error views, not Karibu's throwing stand-in for "route not found", as in production. */
    private static final Routes ROUTES = consoleRoutes();

    private static final Function0<UI> UI_FACTORY = UI::new;

    private static Routes consoleRoutes() {
        Routes discovered = new Routes().autoDiscoverViews("dev.stampboard");
        java.util.Set<Class<? extends com.vaadin.flow.router.HasErrorParameter<?>>> errorRoutes =
                new java.util.LinkedHashSet<>(discovered.getErrorRoutes());
        errorRoutes.remove(com.github.mvysny.kaributesting.v10.MockRouteNotFoundError.class);
        return new Routes(discovered.getRoutes(), errorRoutes, discovered.getSkipPwaInit());
    }

    @Autowired
    protected ApplicationContext ctx;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private PasswordEncoder encoder;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setMockRequestFactory(SecurityContextRequest::new);
        openSignedOutPage();
    }

    /**
     * A new session whose first page, signed out, is the sign-in form (Karibu opens {@code ""}, which sends an
     * anonymous user there). Opening it signed in would build the dashboard, the heaviest view, before the test
     * navigates where it wants (README "Tests", session 16).
     */
    private void openSignedOutPage() {
        SecurityContextHolder.clearContext();
        MockVaadin.setup(UI_FACTORY, ContextServlet.of(ctx, ROUTES, UI_FACTORY));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /**
     * Signs in with the demo password from configuration (the README's users) in a new session, as after signing
     * out: the page is the sign-in form until the test navigates.
     */
    protected void login(String username) {
        login(username, username + "-pw");
    }

    protected void login(String username, String password) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        Authentication auth = provider.authenticate(new UsernamePasswordAuthenticationToken(username, password));
        MockVaadin.tearDown();
        openSignedOutPage();
        SecurityContextHolder.getContext().setAuthentication(auth);
    }
}
