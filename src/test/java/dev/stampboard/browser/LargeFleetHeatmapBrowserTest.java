package dev.stampboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.stampboard.support.ChildConsole;
import dev.stampboard.support.ChildConsoleTest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, "done when": the {@code large-500} heatmap keeps its rows drawn across the dashboard's 5 s refresh,
 * in a real browser. A console of its own (500 generated stamps in one region, one hour back-filled, the clock
 * paused so the test moves it through the simulator's API), a {@link ChildConsole} so that it starts and runs beside
 * the scenario sequence on a console thread of the failsafe phase (until session 14 it was started in-process, 47 s
 * at the end of that sequence, the suite's critical path). Across two refreshes that each move the clock a minute: the rows (stamp names, in order) stay the same, the canvas is
 * never blank, the x axis moves on, and what the server sends for the refresh is the new minutes
 * ({@code patchHeatmap}), never the whole window again (about 360 KB per pool for 20 rows × 720 minutes).
 */
@ChildConsoleTest
class LargeFleetHeatmapBrowserTest {

    private static ChildConsole console;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        chromium = Chromium.start(); // skips the class when chromium is missing, before the console costs anything
        console = ChildConsole.named("large-500-browser")
                .property("spring.profiles.active", "test") // the simulator paused (speed 0), as in the shared context
                .property("spring.datasource.url", "jdbc:h2:mem:large-500-browser;DB_CLOSE_DELAY=-1")
                .property("stampboard.simulator.scenario", "large-500")
                .property("stampboard.simulator.backfill-minutes", 60)
                .property("stampboard.capacity.history-days", 1) // the heatmap needs no weeks of simulated daily peaks
                .property("stampboard.simulator.start", "2026-11-26T18:00:00Z")
                .startReady();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (chromium != null) {
            chromium.close();
        }
        if (console != null) {
            console.stop(Duration.ofSeconds(30));
        }
    }

    @Test
    void the_heatmap_keeps_its_rows_and_a_refresh_sends_only_the_new_minutes()
            throws IOException, InterruptedException {
        String base = console.url();
        Page dave = chromium.signedIn(base, "dave", 1440, 900); // on the dashboard
        dave.waitForSelector("#heatmap-DATAPROXY canvas");
        assertThat(dave.textContent("#heatmap-page")).startsWith("stamps 1–20 of 500");
        // the chart holds its rows once drawn: wait for them (no fixed pause), then compare them across the refreshes
        dave.waitForFunction("() => { const el = document.querySelector('#heatmap-DATAPROXY'); const m = el"
                + " && el._parsedModel && el._parsedModel(); if (!m) return false; const y = Array.isArray(m.yAxis)"
                + " ? m.yAxis[0] : m.yAxis; return y.data.length > 0; }");
        Chromium.settled(dave);
        List<String> rows = rows(dave);
        assertThat(rows).hasSize(20);
        Chromium.shot(dave, "large-500-heatmap-before");

        // every UIDL answer from here on: the polls, and the two refreshes that move the heatmap on
        List<Response> answers = new ArrayList<>();
        Consumer<Response> uidl = r -> {
            if (r.url().contains("v-r=uidl")) {
                answers.add(r);
            }
        };
        dave.onResponse(uidl);
        List<Integer> colours = new ArrayList<>();
        for (int refresh = 0; refresh < 2; refresh++) {
            String last = lastColumn(dave);
            console.ok("POST", "/api/v1/simulator/advance", "alice", Map.of("minutes", 1)); // alice: an engineer
            for (int i = 0; i < 40 && lastColumn(dave).equals(last); i++) {
                colours.add(Chromium.colours(dave, "#heatmap-DATAPROXY"));
                colours.add(Chromium.colours(dave, "#heatmap-REGISTRY"));
                dave.waitForTimeout(250);
            }
            assertThat(lastColumn(dave))
                    .as("refresh %d moved the window on", refresh + 1)
                    .isNotEqualTo(last);
            dave.waitForTimeout(300);
            colours.add(Chromium.colours(dave, "#heatmap-DATAPROXY"));
            colours.add(Chromium.colours(dave, "#heatmap-REGISTRY"));
            assertThat(rows(dave)).as("rows after refresh %d", refresh + 1).isEqualTo(rows);
        }
        Chromium.shot(dave, "large-500-heatmap-after");
        assertThat(colours)
                .as("distinct colours drawn on both heatmaps, sampled through two refreshes")
                .allSatisfy(c -> assertThat(c).isGreaterThan(5));

        // Playwright delivers its events inside any call to it, Response.text included: without this, a poll answered
        // while the bodies are read was added to the list being read (a ConcurrentModificationException at load 17)
        dave.offResponse(uidl);
        List<String> bodies = List.copyOf(answers).stream().map(Response::text).toList();
        keep(bodies);
        assertThat(bodies.stream().filter(b -> b.contains("patchHeatmap")).count())
                .as("answers that patch the heatmaps (one per refresh)")
                .isGreaterThanOrEqualTo(2);
        // a whole window is a new value of the chart's `option` property (about 360 KB per pool at 20 × 720)
        assertThat(bodies)
                .as("no answer sets a chart's whole option again")
                .noneSatisfy(b -> assertThat(b).contains("\"key\":\"option\""));
        int patch = bodies.stream()
                .filter(b -> b.contains("patchHeatmap"))
                .mapToInt(LargeFleetHeatmapBrowserTest::patchLength)
                .max()
                .orElseThrow();
        assertThat(patch)
                // the execute section also carries the table's calls (about 31 KB in an answer without any patch): the
                // bound only says that no pool's window (about 360 KB) travels there either
                .as("characters of the JavaScript calls of a refresh")
                .isLessThan(60_000);
        dave.close();
    }

    /**
     * The characters of an answer's JavaScript calls (its {@code execute} section, where the patchHeatmap calls and
     * their deltas travel); the rest of the answer is the table's and the alerts' rows.
     */
    private static int patchLength(String body) {
        int at = body.indexOf("\"execute\"");
        return at < 0 ? 0 : body.length() - at;
    }

    /** Keeps the refreshes' answers under target/screenshots, to see what a refresh sends. */
    private static void keep(List<String> bodies) {
        for (int i = 0; i < bodies.size(); i++) {
            try {
                java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
                java.nio.file.Files.writeString(
                        java.nio.file.Path.of("target", "screenshots", "large-500-answer-" + i + ".json"),
                        bodies.get(i));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** The heatmap's row labels (stamp names, top first) as the browser holds them. */
    @SuppressWarnings("unchecked")
    private static List<String> rows(Page page) {
        return (List<String>) page.locator("#heatmap-DATAPROXY")
                .evaluate("el => { const m = el._parsedModel(); const y = Array.isArray(m.yAxis) ? m.yAxis[0]"
                        + " : m.yAxis; return [...y.data]; }");
    }

    private static String lastColumn(Page page) {
        return String.valueOf(
                page.locator("#heatmap-DATAPROXY")
                        .evaluate(
                                "el => { const m = el._parsedModel && el._parsedModel(); if (!m) return '';"
                                        + " const x = Array.isArray(m.xAxis) ? m.xAxis[0] : m.xAxis; return x.data[x.data.length - 1]; }"));
    }
}
