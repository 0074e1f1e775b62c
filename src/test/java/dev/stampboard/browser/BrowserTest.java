package dev.stampboard.browser;

import dev.stampboard.SpringTest;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test in a real browser against the shared console, on the context's port. One Chromium for all the browser test
 * classes of a test JVM (they run one after another there): started before the first, closed when the JVM's tests
 * end (JUnit's root store), not one per class. Each test opens pages of its own
 * ({@link Chromium#signedIn}) and closes them.
 */
@ExtendWith({ChromiumCpu.class, BrowserTest.SharedChromium.class})
abstract class BrowserTest extends SpringTest {

    static Chromium chromium;

    @LocalServerPort
    int port;

    /** Starts the JVM's Chromium once (skipping the class when chromium is not installed) and hands it to the class. */
    static final class SharedChromium implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            chromium = context.getRoot()
                    .getStore(ExtensionContext.Namespace.create(BrowserTest.class))
                    .getOrComputeIfAbsent(Shared.class, k -> new Shared(Chromium.start()), Shared.class)
                    .chromium();
        }
    }

    /** Closes the shared Chromium when the root store closes, after the JVM's last test. */
    private record Shared(Chromium chromium) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            chromium.close();
        }
    }
}
