package dev.stampboard;

import dev.stampboard.support.SeedReplicasStayHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.restdocs.RestDocsTestExecutionListener;
import org.springframework.boot.test.autoconfigure.web.servlet.WebDriverTestExecutionListener;
import org.springframework.boot.test.autoconfigure.webservices.client.MockWebServiceServerTestExecutionListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.mock.mockito.MockitoTestExecutionListener;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.ReactorContextTestExecutionListener;
import org.springframework.security.test.context.support.WithSecurityContextTestExecutionListener;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.bean.override.BeanOverrideTestExecutionListener;
import org.springframework.test.context.event.ApplicationEventsTestExecutionListener;
import org.springframework.test.context.event.EventPublishingTestExecutionListener;
import org.springframework.test.context.jdbc.SqlScriptsTestExecutionListener;
import org.springframework.test.context.support.CommonCachesTestExecutionListener;
import org.springframework.test.context.support.DependencyInjectionTestExecutionListener;
import org.springframework.test.context.support.DirtiesContextBeforeModesTestExecutionListener;
import org.springframework.test.context.support.DirtiesContextTestExecutionListener;
import org.springframework.test.context.transaction.TransactionalTestExecutionListener;
import org.springframework.test.context.web.ServletTestExecutionListener;

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
// Spring's default listeners (spring.factories, in their order) without the two that reset Mockito mocks, Spring Boot's
// ResetMocksTestExecutionListener and Spring's MockitoResetTestExecutionListener: before and after every test each
// walked every singleton of the context asking Mockito whether it was a mock (about 3 % of the unit forks' Java
// samples, and Mockito's start in a fork that never used it), and the shared context has no mock beans (no
// @MockitoBean, README "Tests"). Two more defaults are package-private, so they cannot be named here, and act only
// with what no test here has: MockRestServiceServerResetTestExecutionListener (a mocked RestTemplate server) and
// MockMvcPrintOnlyOnFailureTestExecutionListener (MockMvc). Micrometer's observation listener needs
// context-propagation, which the class path lacks, so Spring skips it (named here it would fail).
// SpringTestListenersTest fails when the defaults change.
@TestExecutionListeners(
        listeners = {
            ServletTestExecutionListener.class,
            DirtiesContextBeforeModesTestExecutionListener.class,
            ApplicationEventsTestExecutionListener.class,
            MockitoTestExecutionListener.class,
            BeanOverrideTestExecutionListener.class,
            DependencyInjectionTestExecutionListener.class,
            DirtiesContextTestExecutionListener.class,
            CommonCachesTestExecutionListener.class,
            TransactionalTestExecutionListener.class,
            SqlScriptsTestExecutionListener.class,
            EventPublishingTestExecutionListener.class,
            WithSecurityContextTestExecutionListener.class,
            ReactorContextTestExecutionListener.class,
            RestDocsTestExecutionListener.class,
            WebDriverTestExecutionListener.class,
            MockWebServiceServerTestExecutionListener.class
        },
        mergeMode = TestExecutionListeners.MergeMode.REPLACE_DEFAULTS)
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
