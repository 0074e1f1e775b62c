package dev.stampboard.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The console's one error handler for anything a view did not expect (as in Vaadin's walking skeleton):
 * a refusal by a service shows its message; a bug is logged once with a short reference and the user
 * sees a calm notification with that reference, never a stack trace.
 */
@Configuration
class MainErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(MainErrorHandler.class);

    @Bean
    VaadinServiceInitListener errorHandlerInitializer() {
        return event -> event.getSource()
                .addSessionInitListener(init -> init.getSession().setErrorHandler(MainErrorHandler::handle));
    }

    static void handle(ErrorEvent event) {
        Throwable cause = UserFacing.unwrap(event.getThrowable());
        String message;
        if (UserFacing.isRefusal(cause)) {
            message = UserFacing.message(cause);
        } else {
            String ref = reference();
            log.error("Unexpected error in the console (ref {})", ref, event.getThrowable());
            message = "Something went wrong and nothing was changed. It has been logged as " + ref
                    + "; try again, or give that reference to an admin.";
        }
        UI ui = event.getComponent().flatMap(Component::getUI).orElse(UI.getCurrent());
        if (ui != null) {
            ui.access(() -> Actions.refused(message));
        }
    }

    static String reference() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
