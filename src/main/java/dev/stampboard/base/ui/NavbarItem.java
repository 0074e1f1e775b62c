package dev.stampboard.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

/** Something a module adds to the top bar of every page (the main layout knows no module). */
public interface NavbarItem {

    /** Builds the item for this UI (and may set up the UI, e.g. its theme). */
    Component create(UI ui);
}
