package dev.stampboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinService;
import dev.stampboard.KaribuTest;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The UI tests' servlet outlives a test's Vaadin session, and Karibu's tear-down leaves its service whole. */
class ContextServletTest extends KaribuTest {

    @Test
    void signing_in_again_keeps_the_service_and_does_not_destroy_it() {
        VaadinService before = VaadinService.getCurrent();
        var destroyed = new AtomicBoolean();
        var registration = before.addServiceDestroyListener(event -> destroyed.set(true));
        try {
            login("dave"); // Karibu's tearDown and a new setup, as between two tests

            assertThat(VaadinService.getCurrent()).isSameAs(before);
            assertThat(destroyed)
                    .as("destroy listener fired by Karibu's tearDown")
                    .isFalse();
        } finally {
            registration.remove();
        }
    }
}
