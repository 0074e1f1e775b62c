package dev.stampboard.base.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown when a signed-in user opens a page their role may not see. A customer who lands on the
 * staff start page is taken to their own registries instead of a dead end.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class AccessDeniedView extends com.vaadin.flow.component.orderedlayout.VerticalLayout
        implements HasErrorParameter<AccessDeniedException> {

    private final AuthenticationContext auth;

    public AccessDeniedView(AuthenticationContext auth) {
        this.auth = auth;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        if (event.getLocation().getPath().isEmpty()
                && auth.hasRole(dev.stampboard.security.Role.CUSTOMER_NAME)
                && !auth.hasRole(dev.stampboard.security.Role.VIEWER_NAME)) {
            event.forwardTo("my-registries");
            return HttpServletResponse.SC_FORBIDDEN;
        }
        removeAll();
        add(
                new H1("Not for your role"),
                new Paragraph("You are signed in as " + auth.getPrincipalName().orElse("?")
                        + ", whose role may not open /" + event.getLocation().getPath()
                        + ". Ask an admin if you need it."));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
