package dev.stampboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A Spring Modulith module test ({@link ApplicationModuleTest}): the module of the test class's package with the
 * modules it depends on, and nothing else — no simulator (so no back-fill), no dashboard, no other module's listeners.
 * The one exception to "no new contexts" (README "Tests"): one context per module, planning, isolation and cutover. They
 * share one in-memory database of their own (never the shared context's fleet; each test uses its own
 * {@code TestNames}), and, as the application's clock comes from the simulator, a clock fixed at the test profile's
 * simulated start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// base is an open module, which Modulith does not count as a dependency: it holds the JDBC naming every repository
// needs
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "base")
@ActiveProfiles("test")
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:stampboard-modules;DB_CLOSE_DELAY=-1",
            // readiness includes operations' start-up check, a module none of these depends on
            "management.endpoint.health.validate-group-membership=false"
        })
@Import(ModuleTest.FixedClock.class)
public @interface ModuleTest {

    /** The simulator's clock stands still at the test profile's start: here the same instant, without a simulator. */
    @TestConfiguration(proxyBeanMethods = false)
    class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
        }
    }
}
