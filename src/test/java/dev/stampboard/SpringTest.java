package dev.stampboard;

import dev.stampboard.support.SeedReplicasStayHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every Spring-backed test extends this, so they all share one application context (a real H2
 * database through Flyway, the seed simulator paused at a fixed minute, a real web server). Do not
 * give a test a database or properties of its own: that is another context to start (README "Tests"
 * lists the suite's contexts). Tests that move registries or run the clock for days are
 * {@link ScenarioTest}s. A test class uses region and stamp names of its own
 * ({@code dev.stampboard.support.TestNames}; {@code SharedContextNamesTest} checks) and never moves the seed's
 * registries ({@link SeedReplicasStayHome} fails the class that did).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Spring Boot tests leave metrics exporters off by default; the Prometheus scrape is part of what is tested
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
@ExtendWith(SeedReplicasStayHome.class)
public abstract class SpringTest {

    @Autowired
    private ApplicationContext springContext;

    /**
     * Each context installs its own (Vaadin-aware) security-context strategy JVM-wide when it starts;
     * with several contexts in one JVM, the test must use the strategy of the context it talks to.
     */
    @BeforeEach
    void useThisContextsSecurityStrategy() {
        SecurityContextHolder.setContextHolderStrategy(springContext.getBean(SecurityContextHolderStrategy.class));
    }
}
