package dev.stampboard.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.stampboard.base.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page that failed while it was opened, inside the console's frame: a thing that does not exist
 * says so (404); anything else is logged with a reference and explained without a stack trace.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        setId("error-page");
        Throwable cause = UserFacing.unwrap(parameter.getCaughtException());
        String path = "/" + event.getLocation().getPath();
        if (cause instanceof NotFoundException) {
            add(new H1("Not found"), new Paragraph(cause.getMessage()), new Anchor("", "Go to the fleet dashboard"));
            return HttpServletResponse.SC_NOT_FOUND;
        }
        if (UserFacing.isRefusal(cause)) {
            add(
                    new H1("This page cannot be shown"),
                    new Paragraph(UserFacing.message(cause)),
                    new Anchor("", "Go to the fleet dashboard"));
            return HttpServletResponse.SC_BAD_REQUEST;
        }
        String ref = MainErrorHandler.reference();
        log.error("Page {} failed to open (ref {})", path, ref, parameter.getCaughtException());
        add(
                new H1("This page failed to open"),
                new Paragraph("Something went wrong while opening " + path + ". It has been logged as " + ref
                        + "; reload to try again, or give that reference to an admin."),
                new Anchor("", "Go to the fleet dashboard"));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
