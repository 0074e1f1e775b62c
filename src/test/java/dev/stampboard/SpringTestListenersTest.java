package dev.stampboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.mock.mockito.ResetMocksTestExecutionListener;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.bean.override.mockito.MockitoResetTestExecutionListener;

/**
 * {@link SpringTest} declares Spring's default test execution listeners itself, to leave out the two that reset
 * Mockito mocks before and after every test (and two package-private ones it cannot name, for MockMvc and a mocked
 * RestTemplate server, which no test here uses). This fails when the defaults (every jar's {@code spring.factories},
 * sorted as Spring sorts them, skipping those that cannot start, as Spring does) are no longer that list.
 */
class SpringTestListenersTest {

    /** The mock resets, and the two package-private ones for a mocked RestTemplate server and MockMvc. */
    private static final Set<String> LEFT_OUT = Set.of(
            ResetMocksTestExecutionListener.class.getName(),
            MockitoResetTestExecutionListener.class.getName(),
            "org.springframework.boot.test.autoconfigure.web.client.MockRestServiceServerResetTestExecutionListener",
            "org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrintOnlyOnFailureTestExecutionListener");

    @Test
    void spring_tests_run_the_default_listeners_in_their_order_except_the_mock_resets() {
        List<TestExecutionListener> defaults = new ArrayList<>(SpringFactoriesLoader.forDefaultResourceLocation(
                        getClass().getClassLoader())
                .load(TestExecutionListener.class, SpringFactoriesLoader.FailureHandler.handleMessage((m, e) -> {})));
        AnnotationAwareOrderComparator.sort(defaults);
        List<String> expected = defaults.stream()
                .map(l -> l.getClass().getName())
                .filter(n -> !LEFT_OUT.contains(n))
                .toList();

        TestExecutionListeners declared = SpringTest.class.getAnnotation(TestExecutionListeners.class);
        assertThat(declared.mergeMode()).isEqualTo(TestExecutionListeners.MergeMode.REPLACE_DEFAULTS);
        assertThat(Arrays.stream(declared.listeners()).map(Class::getName).toList())
                .containsExactlyElementsOf(expected);
        assertThat(expected).hasSize(defaults.size() - LEFT_OUT.size());
    }
}
