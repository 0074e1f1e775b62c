package dev.stampboard.browser;

import com.microsoft.playwright.Page;

/** Signing in through the real login form. */
final class BrowserSession {

    private BrowserSession() {
    }

    static void signIn(Page page, String base, String user) {
        page.navigate(base + "/login");
        page.waitForSelector("vaadin-login-form input[name='username']");
        page.fill("input[name='username']", user);
        page.fill("input[name='password']", user + "-pw");
        page.click("vaadin-login-form vaadin-button");
        page.waitForSelector("vaadin-app-layout");
    }
}
