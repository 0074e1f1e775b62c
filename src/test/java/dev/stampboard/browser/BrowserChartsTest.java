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
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import dev.stampboard.SpringTest;

/**
 * The one test in a real browser (Debian's chromium, driven by Playwright): sign in, open the
 * dashboard and a stamp detail, and check that every chart really drew — its canvas has pixels
 * of several colours, not a blank rectangle. {@code .ci/run} installs chromium when missing.
 */
class BrowserChartsTest extends SpringTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian chromium is not installed (.ci/run installs it)");
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
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

    @Test
    void dashboard_and_stamp_detail_charts_draw() {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1440, 900));
        page.setDefaultTimeout(60_000);
        page.navigate("http://localhost:" + port + "/login");
        page.waitForSelector("vaadin-login-form input[name='username']");
        page.fill("input[name='username']", "dave");
        page.fill("input[name='password']", "dave-pw");
        page.click("vaadin-login-form vaadin-button");
        page.waitForSelector("#stamps");

        page.waitForSelector("#heatmap-DATAPROXY canvas");
        assertDrew(page, "#heatmap-REGISTRY");
        assertDrew(page, "#heatmap-DATAPROXY");

        page.navigate("http://localhost:" + port + "/stamps/eus-s01");
        page.waitForSelector("stampboard-echart canvas");
        int charts = page.locator("stampboard-echart").count();
        assertThat(charts).as("charts on the stamp detail").isGreaterThanOrEqualTo(2);
        for (int i = 0; i < charts; i++) {
            assertDrew(page, "stampboard-echart >> nth=" + i);
        }
        page.close();
    }

    /** Counts distinct colours on the chart's canvas once it has rendered; a blank canvas has at most one. */
    private static void assertDrew(Page page, String selector) {
        var chart = page.locator(selector);
        chart.scrollIntoViewIfNeeded();
        page.waitForTimeout(800);
        Object colours = chart.evaluate("""
                el => {
                  const canvas = (el.shadowRoot || el).querySelector('canvas') || el.querySelector('canvas');
                  if (!canvas || canvas.width === 0 || canvas.height === 0) return 0;
                  const ctx = canvas.getContext('2d');
                  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
                  const seen = new Set();
                  for (let i = 0; i < data.length && seen.size < 50; i += 4 * 97) {
                    if (data[i + 3] > 0) seen.add(data[i] + ',' + data[i + 1] + ',' + data[i + 2]);
                  }
                  return seen.size;
                }""");
        assertThat(((Number) colours).intValue()).as("distinct colours drawn in %s", selector).isGreaterThan(5);
    }
}
