package dev.stampboard.browser;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * By hand, not in the suite: what the browser tests' kind of page work costs Chromium in CPU against a running
 * console, to compare ways of driving it without a Spring test run per try. Signs in two users, opens the dashboard,
 * a stamp, the plans and the isolation form for each ({@code rounds} times), and prints the CPU-seconds of Chromium,
 * Playwright's node driver and (given its pid) the console.
 *
 * <pre>
 * java -Dnav=full|client -Drounds=2 [-Dconsole.pid=PID] -cp target/test-classes:target/classes:CP \
 *     dev.stampboard.browser.ChromiumPageLoadBenchmark http://localhost:8102
 * </pre>
 */
public final class ChromiumPageLoadBenchmark {

    private ChromiumPageLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8102";
        boolean client = "client".equals(System.getProperty("nav", "full"));
        int rounds = Integer.getInteger("rounds", 2);
        long console = Long.getLong("console.pid", -1L);
        if (Boolean.getBoolean("idle")) {
            try (Chromium chromium = Chromium.start()) {
                Page page = chromium.signedIn(base, "dave", 1440, 900);
                page.waitForSelector("stampboard-echart canvas");
                Chromium.settled(page);
                for (String path : List.of("", "plans", "stamps/eus-s01")) {
                    Chromium.go(page, path);
                    ChromiumCpu.Sample idle = ChromiumCpu.sample();
                    Thread.sleep(10_000);
                    step("10 s idle on /" + path, idle);
                }
            }
            return;
        }
        if (Boolean.getBoolean("pages")) {
            pages(base, rounds);
            return;
        }
        List<String> paths = List.of("stamps/eus-s01", "plans", "isolation-requests/new", "");
        double consoleBefore = consoleSeconds(console);
        ChromiumCpu.Sample before = ChromiumCpu.sample();
        long loads = 0;
        ChromiumCpu.Sample after;
        try (Chromium chromium = Chromium.start()) {
            for (int round = 0; round < rounds; round++) {
                for (String user : List.of("dave", "alice")) {
                    ChromiumCpu.Sample step = ChromiumCpu.sample();
                    Page page = chromium.signedIn(base, user, 1440, 900);
                    loads++;
                    page.waitForSelector("stampboard-echart canvas");
                    Chromium.settled(page);
                    step = step(user + " signed in", step);
                    for (String path : paths) {
                        if (client) {
                            Chromium.go(page, path);
                        } else {
                            page.navigate(base + "/" + path);
                            loads++;
                        }
                        page.waitForSelector("vaadin-app-layout");
                        Chromium.settled(page);
                        step = step("/" + path, step);
                    }
                    page.close();
                    step = step(user + " page closed", step);
                    Thread.sleep(Long.getLong("pause", 0L));
                    step = step("  after a pause", step);
                }
            }
            after = ChromiumCpu.sample(); // before close: a closed browser's processes are gone
        }
        System.out.printf(
                Locale.ROOT,
                "nav=%s rounds=%d page loads=%d: chromium %.1f CPU-s, node %.1f, console %.1f, wall %.1f s%n",
                client ? "client" : "full",
                rounds,
                loads,
                after.chromium() - before.chromium(),
                after.node() - before.node(),
                consoleSeconds(console) - consoleBefore,
                (after.nanos() - before.nanos()) / 1e9);
    }

    /** One user, a new page per round, in an incognito context or a persistent one (-Dprofile=DIR). */
    static void pages(String base, int rounds) {
        String profile = System.getProperty("profile");
        try (com.microsoft.playwright.Playwright playwright =
                com.microsoft.playwright.Playwright.create(new com.microsoft.playwright.Playwright.CreateOptions()
                        .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            com.microsoft.playwright.BrowserType type = playwright.chromium();
            com.microsoft.playwright.BrowserContext context;
            com.microsoft.playwright.Browser browser = null;
            if (profile != null) {
                context = type.launchPersistentContext(
                        Path.of(profile),
                        new com.microsoft.playwright.BrowserType.LaunchPersistentContextOptions()
                                .setExecutablePath(Path.of("/usr/bin/chromium"))
                                .setHeadless(true)
                                .setBypassCSP(true)
                                .setViewportSize(1440, 900)
                                .setArgs(Chromium.args()));
            } else {
                browser = type.launch(new com.microsoft.playwright.BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(Chromium.args()));
                context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(1440, 900)
                        .setBypassCSP(true));
            }
            ChromiumCpu.Sample start = ChromiumCpu.sample();
            ChromiumCpu.Sample step = start;
            for (int round = 0; round < rounds; round++) {
                Page page = context.newPage();
                page.setDefaultTimeout(90_000);
                if (round == 0) {
                    Chromium.signIn(page, base, "dave");
                } else {
                    page.navigate(base + "/");
                }
                page.waitForSelector("stampboard-echart canvas");
                Chromium.settled(page);
                step = step("new page " + round, step);
                Chromium.go(page, "stamps/eus-s01");
                page.waitForSelector("stampboard-echart canvas");
                step = step("  stamp", step);
                page.close();
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                step = step("  closed", step);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s: chromium %.1f CPU-s%n",
                    profile == null ? "incognito" : "persistent",
                    step.chromium() - start.chromium());
            context.close();
            if (browser != null) {
                browser.close();
            }
        }
    }

    private static ChromiumCpu.Sample step(String what, ChromiumCpu.Sample before) {
        ChromiumCpu.Sample now = ChromiumCpu.sample();
        if (Boolean.getBoolean("steps")) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-28s chromium %.2f CPU-s, wall %.2f s%n",
                    what,
                    now.chromium() - before.chromium(),
                    (now.nanos() - before.nanos()) / 1e9);
        }
        return now;
    }

    private static double consoleSeconds(long pid) throws java.io.IOException {
        if (pid < 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }
}
