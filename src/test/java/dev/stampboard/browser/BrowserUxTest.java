package dev.stampboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.stampboard.base.Actor;
import dev.stampboard.simulator.SimulatorService;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15 in a real browser (Debian chromium through Playwright): the wizard's last step lists the
 * moves the submitted plan has, the dashboard shows that plan pending to another engineer, heatmap
 * rows stay drawn across a refresh, and axe-core finds nothing of moderate impact or worse.
 */
class BrowserUxTest extends BrowserTest {

    @Autowired
    SimulatorService simulator;

    private String base() {
        return "http://localhost:" + port;
    }

    private Page as(String user) {
        return as(user, "");
    }

    private Page as(String user, String path) {
        return chromium.signedIn(base(), user, 1440, 900, path);
    }

    @Test
    void the_wizards_last_step_lists_the_submitted_plans_moves_and_the_dashboard_shows_it_pending() {
        Page alice = as("alice", "plans/new");
        alice.waitForSelector("text=1 Stamps");
        for (int step = 2; step <= 6; step++) {
            alice.click("vaadin-button:has-text('Next')");
            alice.waitForSelector("h2:has-text('" + step + " ')");
        }
        String summary = alice.textContent("#summary");
        shot(alice, "wizard-submit-step");
        alice.waitForFunction("() => document.querySelector('vaadin-grid#moves').size > 0");
        assertThat(alice.locator(".sizing-block").count())
                .as("one sizing block per dedicated stamp")
                .isLessThanOrEqualTo(3)
                .isEqualTo(alice.locator("#dedicated-sizing .sizing-block").count());
        int listed = ((Number) alice.evaluate("() => document.querySelector('vaadin-grid#moves').size")).intValue();
        int said = leadingNumber(summary);
        assertThat(listed).as("moves listed on the last step").isEqualTo(said);

        alice.click("vaadin-button:has-text('Submit for approval')");
        alice.waitForURL(Pattern.compile(".*/plans/[0-9a-f-]{36}$"));
        String id = alice.url().substring(alice.url().lastIndexOf('/') + 1);
        alice.waitForSelector("vaadin-grid[id^=moves-phase]");
        String movesShown =
                "() => [...document.querySelectorAll('vaadin-grid[id^=moves-phase]')].reduce((sum, g) => sum + g.size, 0)";
        // the phases' grids get their sizes as their data arrives: wait (up to 10 s) for the count, then assert on it
        waitUntil(alice, movesShown + " === " + listed, 10_000);
        int submitted = ((Number) alice.evaluate(movesShown)).intValue();
        assertThat(submitted).as("moves of the submitted plan").isEqualTo(listed);
        assertThat(leadingNumber(alice.textContent("p:has-text('move(s),')"))).isEqualTo(listed);
        shot(alice, "plan-review");

        Page bob = as("bob"); // on the dashboard
        var row = bob.locator(".open-plan[data-plan='" + id + "']");
        row.waitFor();
        assertThat(row.textContent()).contains("pending approval").contains("awaits your approval");
        shot(bob, "dashboard-open-plans");
        assertThat(row.locator("a").getAttribute("href")).isEqualTo("plans/" + id);
        alice.close();
        bob.close();
    }

    @Test
    void heatmap_rows_stay_drawn_across_a_refresh() {
        Page dave = as("dave", "?region=eastus"); // on the dashboard, the seed's region named (not the default)
        dave.waitForSelector("#heatmap-DATAPROXY canvas");
        // the window's last minute as the chart holds it once drawn: never "" (that would pass as a refresh below)
        dave.waitForFunction("() => { const el = document.querySelector('#heatmap-DATAPROXY'); const m = el"
                + " && el._parsedModel && el._parsedModel(); if (!m) return false; const x = Array.isArray(m.xAxis)"
                + " ? m.xAxis[0] : m.xAxis; return x.data.length > 0; }");
        settled(dave);
        String lastBefore = lastColumn(dave);
        simulator.advance(1, Actor.SYSTEM);
        List<Integer> samples = new ArrayList<>();
        for (int i = 0; i < 32 && lastColumn(dave).equals(lastBefore); i++) {
            samples.add(colours(dave, "#heatmap-DATAPROXY"));
            dave.waitForTimeout(250);
        }
        dave.waitForTimeout(300);
        samples.add(colours(dave, "#heatmap-DATAPROXY"));
        assertThat(lastColumn(dave)).as("the 5 s refresh moved the window on").isNotEqualTo(lastBefore);
        assertThat(samples)
                .as("distinct colours drawn, sampled through the refresh")
                .allSatisfy(c -> assertThat(c).isGreaterThan(5));
        // issue 15 item 10: the tooltip of a minute that arrived with the refresh names the hot node
        String tooltip = hoverNewestCellOfFirstRow(dave);
        shot(dave, "heatmap-tooltip");
        assertThat(tooltip).contains("eus-s01 · ").containsPattern("hot node dp-\\d+");
        dave.close();
    }

    /** Hovers the right-most column of the first heatmap row and returns the tooltip's text. */
    private static String hoverNewestCellOfFirstRow(Page page) {
        var chart = page.locator("#heatmap-DATAPROXY");
        chart.scrollIntoViewIfNeeded(); // below the fold: the mouse only reaches what is in the viewport
        page.waitForTimeout(300);
        var box = chart.boundingBox();
        int rows = ((Number) chart.evaluate("el => { const m = el._parsedModel(); const y = Array.isArray(m.yAxis) ?"
                        + " m.yAxis[0] : m.yAxis; return y.data.length; }"))
                .intValue();
        // the grid: 8 px from the top, 70 px legend below, 24 px right margin (StampHeatmap.option)
        double rowHeight = (box.height - 78) / rows;
        // relative to the chart, so a page that moved since the box was read still gets the right cell
        chart.hover(new com.microsoft.playwright.Locator.HoverOptions().setPosition(box.width / 2, 8 + rowHeight / 2));
        chart.hover(new com.microsoft.playwright.Locator.HoverOptions().setPosition(box.width - 26, 8 + rowHeight / 2));
        page.waitForTimeout(600);
        return String.valueOf(chart.evaluate("el => el.shadowRoot.querySelector('#chart').innerText"));
    }

    @Test
    void axe_finds_nothing_of_moderate_impact_or_worse() {
        Page alice = as("alice");
        List<String> found = new ArrayList<>();
        for (String path : List.of("", "stamps/eus-s01", "plans")) {
            Chromium.go(alice, path);
            alice.waitForSelector("vaadin-app-layout main, vaadin-app-layout [role=main], vaadin-app-layout");
            settled(alice);
            Axe.moderateOrWorse(alice).forEach(v -> found.add("/" + path + ": " + v));
            shot(alice, "page-" + (path.isEmpty() ? "dashboard" : path.replace('/', '-')));
        }
        Chromium.go(alice, "plans");
        alice.waitForSelector("vaadin-grid");
        settled(alice);
        if (((Number) alice.evaluate("() => document.querySelector('vaadin-grid').size || 0")).intValue() > 0) {
            alice.waitForSelector(
                    "vaadin-grid a[href^='plans/']"); // rows drawn: never skip the plan page for want of them
        }
        Object firstPlan = alice.evaluate("() => { const a = document.querySelector('vaadin-grid a[href^=\"plans/\"]');"
                + " return a ? a.getAttribute('href') : null; }");
        if (firstPlan != null) {
            Chromium.go(alice, firstPlan.toString());
            alice.waitForSelector("vaadin-grid[id^=moves-phase]");
            settled(alice);
            Axe.moderateOrWorse(alice).forEach(v -> found.add("/" + firstPlan + ": " + v));
        }
        Page carol = as("carol", "isolation-requests/new");
        carol.waitForSelector("vaadin-date-picker");
        settled(carol);
        Axe.moderateOrWorse(carol).forEach(v -> found.add("/isolation-requests/new: " + v));
        shot(carol, "isolation-form");
        carol.setViewportSize(390, 844); // a phone: the form and the dashboard stack
        shot(carol, "isolation-form-390");
        Chromium.go(carol, "");
        carol.waitForSelector("#stamps");
        carol.waitForSelector("stampboard-echart canvas");
        settled(carol);
        shot(carol, "dashboard-390");
        // issue 15 item 11: nothing wider than the phone, the charts included (no sideways scrolling)
        assertThat(widerThanViewport(carol))
                .as("elements wider than 390 px on the dashboard")
                .isEmpty();
        Chromium.go(carol, "stamps/eus-s01");
        carol.waitForSelector("stampboard-echart canvas");
        settled(carol);
        shot(carol, "stamp-detail-390");
        assertThat(widerThanViewport(carol))
                .as("elements wider than 390 px on stamp detail")
                .isEmpty();
        assertThat(found).isEmpty();
        alice.close();
        carol.close();
    }

    /** Charts, grids and the view itself whose right edge passes the viewport (a grid may scroll inside). */
    @SuppressWarnings("unchecked")
    private static List<String> widerThanViewport(Page page) {
        return (List<String>) page.evaluate("""
                () => [...document.querySelectorAll('stampboard-echart, vaadin-grid, vaadin-app-layout > *')]
                  .filter(e => e.offsetParent !== null && e.getBoundingClientRect().right > window.innerWidth + 1)
                  .map(e => (e.id || e.tagName.toLowerCase()) + ' ' + Math.round(e.getBoundingClientRect().right))""");
    }

    private static void shot(Page page, String name) {
        Chromium.shot(page, name);
    }

    private static void settled(Page page) {
        Chromium.settled(page);
    }

    /** Waits up to {@code millis} for the predicate to hold; the caller's assertion then says what was there. */
    private static void waitUntil(Page page, String predicate, int millis) {
        try {
            page.waitForFunction(predicate, null, new Page.WaitForFunctionOptions().setTimeout(millis));
        } catch (com.microsoft.playwright.TimeoutError notYet) {
            // the assertion that follows fails with the figures
        }
    }

    private static int leadingNumber(String text) {
        Matcher m = Pattern.compile("(\\d+) move").matcher(text);
        assertThat(m.find()).as("a move count in: %s", text).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String lastColumn(Page page) {
        Object label = page.locator("#heatmap-DATAPROXY")
                .evaluate(
                        "el => { const m = el._parsedModel && el._parsedModel(); if (!m) return ''; const x = Array.isArray(m.xAxis) ? m.xAxis[0] : m.xAxis; return x.data[x.data.length - 1]; }");
        return String.valueOf(label);
    }

    private static int colours(Page page, String selector) {
        return Chromium.colours(page, selector);
    }
}
