package dev.stampboard.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** What a detail screen shows for a name that does not exist (or that the user may not see). */
class NotFound extends VerticalLayout {

    NotFound(String message, String backText, String backHref) {
        setId("not-found");
        setPadding(false);
        add(new H1(message), new Paragraph(new Anchor(backHref, backText)));
    }
}
