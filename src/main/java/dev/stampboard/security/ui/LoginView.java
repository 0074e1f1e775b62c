package dev.stampboard.security.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.AbstractLogin;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;

import dev.stampboard.security.LocalSignIn;

/**
 * Sign-in with a console user. The form is checked on the server inside Vaadin's own (CSRF-protected)
 * request instead of a bare form POST, so a forged cross-site POST cannot sign anyone in.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Stampboard")
@AnonymousAllowed
public class LoginView extends Main {

    final LoginForm login = new LoginForm();

    public LoginView(LocalSignIn signIn) {
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.JustifyContent.CENTER, LumoUtility.AlignItems.CENTER);
        setSizeFull();
        login.setForgotPasswordButtonVisible(false);
        login.addLoginListener(e -> signIn(signIn, e));
        var title = new com.vaadin.flow.component.html.H1("Stampboard");
        title.addClassNames(LumoUtility.FontSize.XXLARGE, LumoUtility.Margin.Bottom.NONE);
        var hint = new Paragraph("Operator console for registry stamps. Demo users are listed in the README.");
        hint.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        add(title, hint, login);
    }

    private void signIn(LocalSignIn signIn, AbstractLogin.LoginEvent e) {
        var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        var refused = signIn.signIn(e.getUsername(), e.getPassword(), request,
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
