package dev.stampboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import dev.stampboard.SpringTest;

/**
 * The API-token and Users screens in a real browser (Debian chromium): a token created in the console is shown
 * once in a dialog and listed; the admin's user list renders with its actions. Screenshots land in
 * target/screenshots for a person to look at.
 */
class SecurityScreensBrowserTest extends SpringTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian chromium is not installed (.ci/run installs it)");
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private Page as(String user) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        Page page = context.newPage();
        page.setDefaultTimeout(90_000);
        BrowserSession.signIn(page, "http://localhost:" + port, user);
        return page;
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target", "screenshots", name + ".png")));
    }

    @Test
    void a_token_is_created_and_shown_once_and_the_admin_sees_the_users() {
        Page dave = as("dave");
        dave.navigate("http://localhost:" + port + "/tokens");
        dave.waitForSelector("#token-name input");
        dave.fill("#token-name input", "browser check");
        dave.click("#create-token");
        dave.waitForSelector("vaadin-dialog-overlay[opened]");
        String secret = (String) dave.evaluate("() => document.querySelector('#new-token-secret').value");
        assertThat(secret).startsWith("sbt_");
        shot(dave, "api-token-created");
        dave.click("vaadin-button:has-text('I have copied it')");
        dave.waitForSelector("vaadin-grid-cell-content:has-text('browser check')");
        shot(dave, "api-tokens");
        dave.context().close();

        Page erin = as("erin");
        erin.navigate("http://localhost:" + port + "/users");
        erin.waitForSelector("vaadin-grid-cell-content:has-text('collector')");
        assertThat(erin.locator("vaadin-button:has-text('Reset password')").count()).isGreaterThan(0);
        shot(erin, "users");
        erin.click("vaadin-button:has-text('Add user')");
        erin.waitForSelector("vaadin-dialog-overlay[opened]");
        shot(erin, "users-add");
        erin.context().close();
    }
}
