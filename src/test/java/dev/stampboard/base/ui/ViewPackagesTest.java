package dev.stampboard.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import dev.stampboard.SpringTest;
import dev.stampboard.support.MainClasses;
import jakarta.servlet.ServletContext;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.context.WebApplicationContext;

/**
 * Vaadin's start-up scans look only in the {@code ui} packages ({@link ViewPackages}), and still find every route:
 * the routes the running console registered are the {@code @Route} classes a scan of all of {@code dev.stampboard}
 * finds, and every class Vaadin looks for at start-up lives in a {@code ui} package. If the narrowing goes (no
 * {@code @EnableVaadin}, or {@code vaadin.allowed-packages} with {@code com.vaadin} again), a start reads about 1,200
 * class files per scan instead of about 160, and this fails.
 */
class ViewPackagesTest extends SpringTest {

    /** The main classes as ArchUnit imports them, not through Vaadin or Spring. */
    private static final JavaClasses MAIN = MainClasses.all();

    /** What Vaadin's start-up (and its development mode's front-end check) looks for, by annotation. */
    private static final List<Class<? extends Annotation>> VAADIN_ANNOTATIONS = List.of(
            com.vaadin.flow.router.Route.class,
            com.vaadin.flow.router.RouteAlias.class,
            com.vaadin.flow.router.Layout.class,
            com.vaadin.flow.component.dependency.JsModule.class,
            com.vaadin.flow.component.dependency.NpmPackage.class,
            com.vaadin.flow.component.dependency.CssImport.class,
            com.vaadin.flow.component.dependency.JavaScript.class,
            com.vaadin.flow.component.dependency.StyleSheet.class,
            com.vaadin.flow.theme.Theme.class,
            com.vaadin.flow.server.PWA.class,
            com.vaadin.flow.component.page.Push.class);

    /** … and by type. */
    private static final List<Class<?>> VAADIN_TYPES = List.of(
            com.vaadin.flow.router.HasErrorParameter.class,
            com.vaadin.flow.component.page.AppShellConfigurator.class,
            com.vaadin.flow.component.WebComponentExporter.class,
            com.vaadin.flow.server.VaadinServiceInitListener.class,
            com.vaadin.flow.server.UIInitListener.class);

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment environment;

    @Test
    void every_class_vaadin_looks_for_at_start_up_is_in_a_ui_package() {
        Set<String> found = MAIN.stream()
                .filter(c -> VAADIN_ANNOTATIONS.stream().anyMatch(c::isAnnotatedWith)
                        || VAADIN_TYPES.stream().anyMatch(c::isAssignableTo))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
        assertThat(found)
                .as("the views, the layout, the error views, the app shell and the chart component")
                .contains(
                        "dev.stampboard.base.ui.AppShell",
                        "dev.stampboard.base.ui.MainLayout",
                        "dev.stampboard.base.ui.NotFoundView",
                        "dev.stampboard.base.ui.chart.EChart",
                        "dev.stampboard.capacity.change.ui.CapacityChangeView");
        assertThat(found)
                .allSatisfy(
                        name -> assertThat(name).as("in a ui package").matches("dev\\.stampboard\\.(.+\\.)?ui\\..+"));
    }

    @Test
    void vaadin_scans_only_the_ui_packages() {
        // the packages Vaadin's start-up scans take (VaadinServletContextInitializer#getDefaultPackages): the
        // application's package when no @EnableVaadin names any
        Object scanPackages = context.getBean(scanPackagesType());
        assertThat((Object) ReflectionTestUtils.invokeMethod(scanPackages, "getScanPackages"))
                .as("@EnableVaadin(ViewPackages.PATTERN)")
                .isEqualTo(List.of(ViewPackages.PATTERN));
        assertThat(environment.getProperty("vaadin.allowed-packages"))
                .as("development mode's own scan: what it adds to Vaadin's component packages")
                .isEqualTo(ViewPackages.PATTERN);
    }

    @Test
    void the_running_console_registered_every_route() {
        ServletContext servletContext = ((WebApplicationContext) context).getServletContext();
        assertThat(servletContext).isNotNull();
        Set<Class<? extends Component>> registered =
                ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext))
                        .getRegisteredRoutes()
                        .stream()
                        .map(RouteData::getNavigationTarget)
                        .collect(Collectors.toSet());
        Set<String> routes = MAIN.stream()
                .filter(c -> c.isAnnotatedWith(com.vaadin.flow.router.Route.class))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
        assertThat(routes).hasSizeGreaterThan(25);
        assertThat(registered.stream().map(Class::getName)).containsExactlyInAnyOrderElementsOf(routes);
    }

    /** {@code VaadinScanPackagesRegistrar.VaadinScanPackages}, which is not public. */
    private static Class<?> scanPackagesType() {
        try {
            return Class.forName("com.vaadin.flow.spring.VaadinScanPackagesRegistrar$VaadinScanPackages");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
