package dev.stampboard.base.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.Theme;

/** The page shell: Lumo plus the console's theme, which turns on Lumo's utility classes and badges. */
@Theme("stampboard")
public class AppShell implements AppShellConfigurator {}
