package dev.stampboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Before the console is ready, requests get 503 with Retry-After; the probes always get through. */
class NotReadyGateTest {

    private ReadinessState state = ReadinessState.REFUSING_TRAFFIC;
    private final AtomicBoolean inventoryRead = new AtomicBoolean();

    private final ApplicationAvailability availability = new ApplicationAvailability() {
        @Override
        @SuppressWarnings("unchecked")
        public <S extends AvailabilityState> S getState(Class<S> type, S defaultState) {
            return type == ReadinessState.class ? (S) state : (S) LivenessState.CORRECT;
        }

        @Override
        public <S extends AvailabilityState> S getState(Class<S> type) {
            return getState(type, null);
        }

        @Override
        public <S extends AvailabilityState>
                org.springframework.boot.availability.AvailabilityChangeEvent<S> getLastChangeEvent(Class<S> type) {
            return null;
        }
    };

    private final ReadinessCheck inventory = new ReadinessCheck() {
        @Override
        public String awaiting() {
            return "the first inventory";
        }

        @Override
        public boolean isReady() {
            return inventoryRead.get();
        }
    };

    private final StartupReadiness readiness = new StartupReadiness(availability, List.of(inventory));
    private final NotReadyGate gate = new NotReadyGate(readiness);

    private MockHttpServletResponse request(String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        gate.doFilter(new MockHttpServletRequest("GET", path), response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(200); // passed on to the console
        }
        return response;
    }

    @Test
    void refuses_with_retry_after_until_start_up_and_every_check_are_done() throws Exception {
        MockHttpServletResponse early = request("/api/v1/stamps");
        assertThat(early.getStatus()).isEqualTo(503);
        assertThat(early.getHeader("Retry-After")).isEqualTo("5");
        assertThat(early.getContentType()).startsWith("application/problem+json");
        assertThat(early.getContentAsString()).contains("start-up").contains("the first inventory");
        assertThat(request("/actuator/health/readiness").getStatus()).isEqualTo(200);
        assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        state = ReadinessState.ACCEPTING_TRAFFIC;
        assertThat(request("/login").getStatus()).isEqualTo(503);
        assertThat(readiness.health().getDetails().get("awaiting")).isEqualTo(List.of("the first inventory"));

        inventoryRead.set(true);
        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
        assertThat(request("/api/v1/stamps").getStatus()).isEqualTo(200);
    }
}
