package dev.stampboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The one test in a real browser (Debian's chromium, driven by Playwright): sign in, open the
 * dashboard and a stamp detail, and check that every chart really drew — its canvas has pixels
 * of several colours, not a blank rectangle. {@code .ci/run} installs chromium when missing.
 */
class BrowserChartsTest extends BrowserTest {

    @Test
    void dashboard_and_stamp_detail_charts_draw() {
        Page page = chromium.signedIn("http://localhost:" + port, "dave", 1440, 900);
        page.waitForSelector("#stamps");

        page.waitForSelector("#heatmap-DATAPROXY canvas");
        assertDrew(page, "#heatmap-REGISTRY");
        assertDrew(page, "#heatmap-DATAPROXY");

        Chromium.go(page, "stamps/eus-s01");
        page.waitForSelector("stampboard-echart canvas");
        int charts = page.locator("stampboard-echart").count();
        assertThat(charts).as("charts on the stamp detail").isGreaterThanOrEqualTo(2);
        for (int i = 0; i < charts; i++) {
            assertDrew(page, "stampboard-echart >> nth=" + i);
        }
        page.close();
    }

    /**
     * Waits up to 5 s for the chart to render (no fixed pause: as soon as it has), then insists on more than a handful
     * of colours (a blank canvas has one).
     */
    private static void assertDrew(Page page, String selector) {
        page.locator(selector).scrollIntoViewIfNeeded();
        assertThat(Chromium.coloursOnceDrawn(page, selector, 5, 5_000))
                .as("distinct colours drawn in %s", selector)
                .isGreaterThan(5);
    }
}
