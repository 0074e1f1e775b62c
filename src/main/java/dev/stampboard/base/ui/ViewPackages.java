package dev.stampboard.base.ui;

import com.vaadin.flow.spring.annotation.EnableVaadin;
import org.springframework.context.annotation.Configuration;

/**
 * Where Vaadin looks at start-up for what it registers itself (routes, layouts, error views, the app shell, exported
 * web components, and in development mode the classes that name front-end resources): the {@code ui} packages, where
 * every such class of the console lives ({@code ViewPackagesTest} checks). Without it Vaadin takes the application's
 * package, and each of its start-up scans (seven of them, each with a reader of its own) read every class file under
 * {@code dev.stampboard}, about 1,200 of them, in every console start (README "Tests").
 */
@Configuration(proxyBeanMethods = false)
@EnableVaadin(ViewPackages.PATTERN)
public class ViewPackages {

    /** The {@code ui} package of every module, at any depth (e.g. {@code dev.stampboard.capacity.change.ui}). */
    public static final String PATTERN = "dev.stampboard.**.ui";
}
