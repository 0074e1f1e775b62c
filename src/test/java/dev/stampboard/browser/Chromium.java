package dev.stampboard.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What every browser test needs: Debian's chromium driven by Playwright (flags from STACK.md), a page
 * signed in through the real login form, a screenshot to look at afterwards, and a way to tell a chart
 * that drew from a blank canvas. One per test JVM ({@link BrowserTest}) or per class that starts a console of its own.
 *
 * <p>One persistent browser context (a profile directory of its own, deleted at {@link #close}) for all users: its
 * HTTP cache and V8's code cache outlive a page, so a new page compiles the console's development scripts (about
 * 7 MB) from the code cache instead of afresh, as every fresh incognito context did (measured with
 * {@link ChromiumPageLoadBenchmark}: about 2.9 CPU-s for a new signed-in dashboard page instead of 4.1). Users take
 * turns: each keeps its session cookie, and signing in another puts that one's cookie in place.
 */
final class Chromium implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final BrowserContext context;
    private final Path profile;
    /** The session cookies of each console and user signed in so far ({@link #signedIn}). */
    private final Map<String, List<Cookie>> sessions = new HashMap<>();
    /** Whose cookies the context holds now: "base user", or "" before the first sign-in. */
    private String current = "";

    private Chromium(Playwright playwright, BrowserContext context, Path profile) {
        this.playwright = playwright;
        this.context = context;
        this.profile = profile;
    }

    /** Skips the test class (an assumption) when chromium is not installed; {@code .ci/run} installs it. */
    static Chromium start() {
        assumeTrue(Files.isExecutable(EXECUTABLE), "Debian chromium is not installed (.ci/run installs it)");
        Path profile;
        try {
            profile = Files.createTempDirectory("stampboard-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Debian's chromium, never a downloaded one: also where the build sets no PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD
        // (surefire does; failsafe, which runs the scenario phase's browser test, does not)
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        // CSP is bypassed only so axe can be injected as a script, which the console's CSP rightly refuses
        BrowserContext context = playwright
                .chromium()
                .launchPersistentContext(
                        profile,
                        new BrowserType.LaunchPersistentContextOptions()
                                .setExecutablePath(EXECUTABLE)
                                .setHeadless(true)
                                .setArgs(args())
                                .setBypassCSP(true)
                                .setViewportSize(1440, 900));
        context.pages().forEach(Page::close); // the blank page a persistent context opens with
        return new Chromium(playwright, context, profile);
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
                "--disable-sync",
                // Chromium 156 preloads two omnibox popups (browser_ui WebUI pages) for every window, which is every
                // Playwright page in its headless mode: two renderers per page, about 1.2 CPU-s a page measured with
                // ChromiumPageLoadBenchmark. Chromium honours only the last --disable-features, so this one repeats
                // the list Playwright 1.62 passes (seen on the browser's command line) before adding the popups.
                "--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,BoundaryEventDispatchTracksNodeRemoval,"
                        + "DestroyProfileOnBrowserClose,DialMediaRouteProvider,GlobalMediaControls,HttpsUpgrades,"
                        + "LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,"
                        + "BlockOriginHeaderModificationOnRedirect,Translate,AutoDeElevate,OptimizationHints,"
                        + "WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup"));
        String extra = System.getProperty("chromium.args", "");
        if (!extra.isBlank()) {
            args.addAll(List.of(extra.split(" ")));
        }
        return args;
    }

    /** {@link #signedIn(String, String, int, int, String)} on the console's start page (the dashboard). */
    Page signedIn(String base, String user, int width, int height) {
        return signedIn(base, user, width, height, "");
    }

    /**
     * A new page signed in as {@code user} with the demo password, on {@code path} ("" is the dashboard). The first time
     * for a console and user, signed in through the real login form (which lands on the dashboard; the page then goes
     * to {@code path} client-side, {@link #go}); after that the page loads {@code path} with that user's session cookie.
     * Users take turns: signing in another user closes the pages of the one before (their next request would carry the
     * new user's cookie). A test closes its pages; the context stays for the next.
     */
    Page signedIn(String base, String user, int width, int height, String path) {
        String key = base + " " + user;
        if (!key.equals(current)) {
            context.pages().forEach(Page::close);
            context.clearCookies();
            List<Cookie> known = sessions.get(key);
            if (known != null) {
                context.addCookies(known);
            }
            current = key;
        }
        Page page = context.newPage();
        page.setDefaultTimeout(90_000);
        page.setViewportSize(width, height);
        if (sessions.containsKey(key)) {
            page.navigate(base + "/" + path);
            page.waitForSelector("vaadin-app-layout");
        } else {
            signIn(page, base, user);
            sessions.put(key, context.cookies(base));
            if (!path.isEmpty()) {
                go(page, path);
            }
        }
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
        if (Boolean.TRUE.equals(
                page.evaluate("path => new URL(path, document.baseURI).pathname === window.location.pathname", path))) {
            settled(page); // already there
            return;
        }
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
        context.close();
        playwright.close();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: left for the system to clear
        }
    }
}
