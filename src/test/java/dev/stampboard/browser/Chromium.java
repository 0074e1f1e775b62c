package dev.stampboard.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What every browser test needs: Debian's chromium driven by Playwright (flags from STACK.md), a page
 * signed in through the real login form, a screenshot to look at afterwards, and a way to tell a chart
 * that drew from a blank canvas. One per test class: {@code @BeforeAll start()}, {@code @AfterAll close()}.
 */
final class Chromium implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;
    /** The signed-in browser context of each console and user ({@link #signedIn}). */
    private final java.util.Map<String, BrowserContext> contexts = new java.util.HashMap<>();

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Skips the test class (an assumption) when chromium is not installed; {@code .ci/run} installs it. */
    static Chromium start() {
        assumeTrue(Files.isExecutable(EXECUTABLE), "Debian chromium is not installed (.ci/run installs it)");
        // Debian's chromium, never a downloaded one: also where the build sets no PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD
        // (surefire does; failsafe, which runs the scenario phase's browser test, does not)
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(args()));
        return new Chromium(playwright, browser);
    }

    /**
     * The flags Chromium is started with; {@code -Dchromium.args="--a --b"} adds some, to compare their cost with
     * {@link ChromiumPageLoadBenchmark}.
     */
    static List<String> args() {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync"));
        String extra = System.getProperty("chromium.args", "");
        if (!extra.isBlank()) {
            args.addAll(List.of(extra.split(" ")));
        }
        return args;
    }

    /**
     * A new page signed in as {@code user} with the demo password, on the console's start page. The first time for a
     * console and user, in a browser context of its own (own cookies) signed in through the real login form; after
     * that a new page of the same context, still signed in: its session cookie and the console's scripts (about
     * 7 MB in development mode, loaded and compiled again by every fresh context) are already there. A test closes
     * its pages, not the context. CSP is bypassed only so axe can be injected as a script, which the console's CSP
     * rightly refuses.
     */
    Page signedIn(String base, String user, int width, int height) {
        String key = base + " " + user;
        BrowserContext known = contexts.get(key);
        if (known != null) {
            Page page = known.newPage();
            page.setDefaultTimeout(90_000);
            page.setViewportSize(width, height);
            page.navigate(base + "/");
            page.waitForSelector("vaadin-app-layout");
            return page;
        }
        BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(width, height).setBypassCSP(true));
        Page page = context.newPage();
        page.setDefaultTimeout(90_000);
        signIn(page, base, user);
        contexts.put(key, context);
        context.onClose(closed -> contexts.values().remove(closed));
        return page;
    }

    static void signIn(Page page, String base, String user) {
        page.navigate(base + "/login");
        page.waitForSelector("vaadin-login-form input[name='username']");
        page.fill("input[name='username']", user);
        page.fill("input[name='password']", user + "-pw");
        page.click("vaadin-login-form vaadin-button");
        page.waitForSelector("vaadin-app-layout");
    }

    /**
     * Opens {@code path} (relative to the app; "" is the dashboard) in the page's running app the way a click on one of
     * its links does: Flow's router asks the server for the view and the page stays loaded, so its scripts are not
     * loaded, compiled and run again as they are by {@link Page#navigate}. Returns once the address is the view's and
     * the client is idle ({@link #settled}).
     */
    static void go(Page page, String path) {
        page.evaluate(
                "path => window.dispatchEvent(new CustomEvent('vaadin-router-go',"
                        + " { cancelable: true, detail: new URL(path, document.baseURI) }))",
                path);
        page.waitForFunction("path => new URL(path, document.baseURI).pathname === window.location.pathname", path);
        settled(page);
    }

    /** Keeps what the browser showed under target/screenshots, to look at after a run. */
    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setFullPage(true)
                .setPath(Path.of("target", "screenshots", name + ".png")));
    }

    /**
     * Waits until the page's Vaadin client has no request in flight and the browser has painted twice since: what a
     * page needs before it is checked, instead of a fixed pause after each navigation. The dashboard's 5 s refresh
     * keeps a client busy only for its round trip.
     */
    static void settled(Page page) {
        page.waitForFunction("""
                () => {
                  const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                  return !!clients && Object.keys(clients).length > 0
                    && Object.values(clients).every(c => typeof c.isActive !== 'function' || !c.isActive());
                }""");
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }

    /**
     * {@link #colours} of the chart once it has drawn more than {@code atLeast} colours, or after {@code millis} what it
     * has then (a chart draws after its data arrives and animates in): the caller asserts on the number either way.
     */
    static int coloursOnceDrawn(Page page, String selector, int atLeast, int millis) {
        long until = System.nanoTime() + millis * 1_000_000L;
        int seen = colours(page, selector);
        while (seen <= atLeast && System.nanoTime() < until) {
            page.waitForTimeout(100);
            seen = colours(page, selector);
        }
        return seen;
    }

    /** Distinct colours on the chart's canvas (sampled); a blank or unrendered canvas has at most one. */
    static int colours(Page page, String selector) {
        Object colours = page.locator(selector).evaluate("""
                el => {
                  const canvas = (el.shadowRoot || el).querySelector('canvas') || el.querySelector('canvas');
                  if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
                  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                  const seen = new Set();
                  for (let i = 0; i < data.length && seen.size < 50; i += 4 * 97) {
                    if (data[i + 3] > 0) seen.add(data[i] + ',' + data[i + 1] + ',' + data[i + 2]);
                  }
                  return seen.size;
                }""");
        return ((Number) colours).intValue();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
