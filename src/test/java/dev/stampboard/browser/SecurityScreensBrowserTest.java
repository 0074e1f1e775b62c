package dev.stampboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The API-token and Users screens in a real browser (Debian chromium): a token created in the console is shown
 * once in a dialog and listed; the admin's user list renders with its actions. Screenshots land in
 * target/screenshots for a person to look at.
 */
class SecurityScreensBrowserTest extends BrowserTest {

    private Page as(String user, String path) {
        return chromium.signedIn("http://localhost:" + port, user, 1280, 800, path);
    }

    private static void shot(Page page, String name) {
        Chromium.shot(page, name);
    }

    @Test
    void a_token_is_created_and_shown_once_and_the_admin_sees_the_users() {
        Page dave = as("dave", "tokens");
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
        dave.close();

        Page erin = as("erin", "users");
        erin.waitForSelector("vaadin-grid-cell-content:has-text('collector')");
        assertThat(erin.locator("vaadin-button:has-text('Reset password')").count())
                .isGreaterThan(0);
        shot(erin, "users");
        erin.click("vaadin-button:has-text('Add user')");
        erin.waitForSelector("vaadin-dialog-overlay[opened]");
        shot(erin, "users-add");
        erin.close();
    }
}
