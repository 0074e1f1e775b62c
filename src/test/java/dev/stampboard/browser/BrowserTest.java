package dev.stampboard.browser;

import dev.stampboard.SpringTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test in a real browser against the shared console: one Chromium per test class, on the context's port. */
abstract class BrowserTest extends SpringTest {

    static Chromium chromium;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }
}
