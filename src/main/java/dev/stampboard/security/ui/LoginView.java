package dev.stampboard.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.AbstractLogin;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.stampboard.security.LocalSignIn;
import dev.stampboard.security.SignInOptions;
import org.springframework.security.web.WebAttributes;

/**
 * Sign-in with a console user. The form is checked on the server inside Vaadin's own (CSRF-protected)
 * request instead of a bare form POST, so a forged cross-site POST cannot sign anyone in.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Stampboard")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    final LoginForm login = new LoginForm();

    final Div singleSignOn = new Div();
    final Paragraph ssoError = new Paragraph();

    public LoginView(LocalSignIn signIn, SignInOptions options) {
        addClassNames(
                LumoUtility.Display.FLEX,
                LumoUtility.FlexDirection.COLUMN,
                LumoUtility.JustifyContent.CENTER,
                LumoUtility.AlignItems.CENTER);
        setSizeFull();
        login.setForgotPasswordButtonVisible(false);
        login.addLoginListener(e -> signIn(signIn, e));
        var title = new com.vaadin.flow.component.html.H1("Stampboard");
        title.addClassNames(LumoUtility.FontSize.XXLARGE, LumoUtility.Margin.Bottom.NONE);
        var hint = new Paragraph(
                options.localSignIn()
                        ? "Operator console for registry stamps. Demo users are listed in the README."
                        : "Operator console for registry stamps. Sign in with your company account.");
        hint.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        add(title, hint);
        ssoError.setVisible(false);
        ssoError.setId("sso-error");
        ssoError.getElement().setAttribute("role", "alert");
        ssoError.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
        add(ssoError);
        for (SignInOptions.Provider provider : options.providers()) {
            // a full page load, not a route: the browser goes to the identity provider and comes back
            var link = new Anchor(provider.path(), "Sign in with " + provider.name());
            link.setRouterIgnore(true);
            link.getElement().setAttribute("theme", "primary");
            link.addClassNames(
                    LumoUtility.Padding.Vertical.SMALL,
                    LumoUtility.Padding.Horizontal.LARGE,
                    LumoUtility.Background.PRIMARY,
                    LumoUtility.TextColor.PRIMARY_CONTRAST,
                    LumoUtility.BorderRadius.MEDIUM,
                    LumoUtility.FontWeight.SEMIBOLD);
            singleSignOn.add(link);
        }
        if (!options.providers().isEmpty()) {
            singleSignOn.addClassNames(
                    LumoUtility.Display.FLEX,
                    LumoUtility.FlexDirection.COLUMN,
                    LumoUtility.Gap.SMALL,
                    LumoUtility.Margin.Vertical.MEDIUM);
            add(singleSignOn);
        }
        if (options.localSignIn()) {
            add(login);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!event.getLocation().getQueryParameters().getParameters().containsKey("sso-failed")) {
            return;
        }
        var session = VaadinServletRequest.getCurrent() == null
                ? null
                : VaadinServletRequest.getCurrent().getHttpServletRequest().getSession(false);
        Object refusal = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        ssoError.setText("Single sign-on did not sign you in"
                + (refusal instanceof Exception e && e.getMessage() != null ? ": " + e.getMessage() : "."));
        ssoError.setVisible(true);
    }

    private void signIn(LocalSignIn signIn, AbstractLogin.LoginEvent e) {
        var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        var refused = signIn.signIn(
                e.getUsername(),
                e.getPassword(),
                request,
                VaadinServletResponse.getCurrent().getHttpServletResponse());
        if (refused.isEmpty()) {
            getUI().ifPresent(ui -> ui.getPage().setLocation(request.getContextPath() + "/"));
            return;
        }
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getErrorMessage().setTitle("Not signed in");
        i18n.getErrorMessage().setMessage(refused.get());
        login.setI18n(i18n);
        login.setError(true);
        login.setEnabled(true); // the form disables itself on submit
    }
}
