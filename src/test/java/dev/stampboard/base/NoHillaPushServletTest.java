package dev.stampboard.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;

/**
 * Hilla's push servlet stays out of the console: its start scans the class path for Atmosphere annotations, about a
 * quarter of a console start's CPU, for a feature nothing here uses (application.yml, spring.autoconfigure.exclude).
 * Flow's own servlet must still be registered.
 */
class NoHillaPushServletTest extends SpringTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void only_flows_servlet_is_registered_not_hillas_atmosphere_servlet() {
        var servlets = context.getBeansOfType(ServletRegistrationBean.class).values().stream()
                .map(r -> r.getServlet().getClass().getName())
                .toList();

        assertThat(servlets).noneMatch(name -> name.startsWith("org.atmosphere."));
        assertThat(servlets).anyMatch(name -> name.startsWith("com.vaadin.flow."));
        assertThat(context.getBeanNamesForType(org.atmosphere.cpr.AtmosphereServlet.class))
                .isEmpty();
    }
}
