package dev.stampboard;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
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
 * Security, so {@code @RolesAllowed} is enforced exactly as in the running console.
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
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            request.setUserPrincipalInt(auth);
            request.setUserInRole((principal, role) -> auth != null
                    && auth.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority())));
            return request;
        });
        MockVaadin.setup(UI_FACTORY, new MockSpringServlet(ROUTES, ctx, UI_FACTORY));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs in with the demo password from configuration (the README's users), then rebuilds the UI. */
    protected void login(String username) {
        login(username, username + "-pw");
    }

    protected void login(String username, String password) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        Authentication auth = provider.authenticate(new UsernamePasswordAuthenticationToken(username, password));
        SecurityContextHolder.getContext().setAuthentication(auth);
        MockVaadin.tearDown();
        MockVaadin.setup(UI_FACTORY, new MockSpringServlet(ROUTES, ctx, UI_FACTORY));
    }
}
