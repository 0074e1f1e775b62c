package dev.stampboard.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/**
 * Live screens refresh themselves by polling. The poll listener lives only while the view is
 * attached, so a view the user has left stops costing the server anything.
 */
public final class Polling {

    private Polling() {}

    public static void whileAttached(Component view, int millis, Runnable refresh) {
        view.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ui.setPollInterval(millis);
            Registration poll = ui.addPollListener(e -> refresh.run());
            Registration[] detach = new Registration[1];
            detach[0] = view.addDetachListener(e -> {
                poll.remove();
                ui.setPollInterval(-1);
                detach[0].remove();
            });
        });
    }
}
