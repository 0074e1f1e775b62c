package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.stampboard.base.InputLimits;
import dev.stampboard.base.ui.Actions;
import dev.stampboard.base.ui.TextPrompt;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;

/**
 * An engineer's next step in a stamp's life on its screen: "Start draining" for an ACTIVE stamp, "Retire" for a
 * DRAINING one, each confirmed in a dialog (with an optional reason for the audit log) before anything happens. The
 * service judges the step (a stamp still homing replicas is not retired: its refusal is shown); the screen is read
 * again once it went through. Empty for other roles and statuses.
 */
final class StampStatusActions extends HorizontalLayout {

    StampStatusActions(StampInfo stamp, FleetService fleet, CurrentUser user) {
        setPadding(false);
        if (!user.has(Role.ENGINEER)) {
            return;
        }
        String name = stamp.name();
        if (stamp.status() == StampStatus.ACTIVE) {
            add(button(
                    "start-draining",
                    "Start draining",
                    "Start draining " + name + "?",
                    "It keeps reporting while its registries are moved off; it then takes no new ones."
                            + " This cannot be undone.",
                    reason -> Actions.run(
                            () -> fleet.startDrainingStamp(name, reason, user.actor()), name + " is draining")));
        } else if (stamp.status() == StampStatus.DRAINING) {
            add(button(
                    "retire",
                    "Retire",
                    "Retire " + name + "?",
                    "It stops reporting and serving for good; every registry must have been moved off it.",
                    reason -> Actions.run(() -> fleet.retireStamp(name, reason, user.actor()), name + " is retired")));
        }
    }

    private static Button button(
            String id,
            String text,
            String header,
            String consequence,
            java.util.function.Predicate<@org.jspecify.annotations.Nullable String> step) {
        Button button = new Button(text, e -> {
            TextPrompt confirm = new TextPrompt(
                    header,
                    "Reason (optional, for the audit log)",
                    consequence,
                    text,
                    true,
                    InputLimits.TEXT,
                    null,
                    reason -> {
                        boolean done = step.test(reason.isEmpty() ? null : reason);
                        if (done) {
                            UI.getCurrent().getPage().reload();
                        }
                        return done;
                    });
            confirm.setId(id + "-confirm");
            confirm.open();
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return button;
    }
}
