package dev.stampboard.signals.ingestion;

import static dev.stampboard.signals.ingestion.ApiFleetFeed.cpu;
import static dev.stampboard.signals.ingestion.ApiFleetFeed.put;
import static dev.stampboard.signals.ingestion.ApiFleetFeed.rest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.support.ChildConsole;
import dev.stampboard.support.ChildConsoleTest;
import dev.stampboard.support.HookedConsole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Under the simulator, samples ingested through the API in the newest minutes come back after a restart. (With the
 * simulator disabled, the empty fleet and declared stamps and samples coming back after a restart are checked in
 * {@link BringYourOwnFleetTest}'s two consoles.) The console is a child JVM ({@link ChildConsole}), started twice
 * on one database file. It cannot share {@link BringYourOwnFleetTest}'s consoles: this one needs the simulator,
 * which feeds every active stamp (its back-fill after a restart would write over that test's fleets) and runs on its
 * own simulated clock, where that test moves a clock of its own ({@link HookedConsole}'s).
 */
@ChildConsoleTest
class BringYourOwnTelemetryRestartTest {

    @TempDir
    Path dir;

    private ChildConsole start(String name) throws Exception {
        return ChildConsole.named(name)
                .main(HookedConsole.class) // for the signals engine's current minute
                .log(Path.of("target", "child-consoles", "byo-restart.log"))
                .property("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("sim") + ";AUTO_SERVER=FALSE")
                .property("stampboard.simulator.enabled", true)
                .property("stampboard.simulator.speed", 0)
                .property("stampboard.simulator.start", "2026-11-26T12:00:00Z")
                .property("stampboard.simulator.backfill-minutes", 60)
                .property("stampboard.cutover.executor-enabled", false)
                .startReady(); // killed when not ready
    }

    private static String minute(long minute) {
        return Instant.ofEpochSecond(minute * 60).toString();
    }

    /**
     * Under the simulator the clock restarts one back-fill window early and replays it; samples ingested
     * through the API in the newest minutes must come back too, not be refused as "in the future".
     */
    @Test
    void samples_ingested_while_the_simulator_runs_come_back_after_a_restart() throws Exception {
        long nowMinute;
        try (ChildConsole console = start("byo-restart")) {
            TestRestTemplate collector = rest(console, "collector");
            // a stamp still PROVISIONING gets no simulated telemetry, so every value below is one sent here
            put(
                    collector,
                    "/api/v1/stamps/sim-byo-s01",
                    Map.of(
                            "region",
                            "testland",
                            "status",
                            "PROVISIONING",
                            "pools",
                            List.of(Map.of("pool", "DATAPROXY", "nodes", List.of("dp-000")))));
            nowMinute = console.getJson("/api/v1/test-hooks/now-minute", "dave").asLong();
            List<Map<String, Object>> samples = new ArrayList<>();
            for (int m = 0; m < 5; m++) { // the five newest minutes, the current one included
                samples.add(cpu("sim-byo-s01", "DATAPROXY", "dp-000", minute(nowMinute - m), 70.0 + m));
            }
            JsonNode report =
                    collector.postForObject("/api/v1/telemetry/node-cpu", Map.of("samples", samples), JsonNode.class);
            assertThat(report.get("rejected")).as(report.toString()).isEmpty();
            assertThat(report.get("accepted").asInt()).isEqualTo(5);
            console.stop(Duration.ofSeconds(60)); // graceful: Spring's shutdown, the database closed
        }
        try (ChildConsole console = start("byo-restart-restarted")) {
            assertThat(console.getJson("/api/v1/test-hooks/now-minute", "dave").asLong())
                    .isEqualTo(nowMinute);
            JsonNode series = console.getJson(
                    "/api/v1/stamps/sim-byo-s01/pools/DATAPROXY/hot-node?from=" + minute(nowMinute - 10) + "&to="
                            + minute(nowMinute),
                    "dave");
            List<String> minutes = new ArrayList<>();
            series.get("minutes")
                    .forEach(m -> minutes.add(Instant.parse(m.asText()).toString()));
            assertThat(minutes)
                    .containsExactly(
                            minute(nowMinute - 4),
                            minute(nowMinute - 3),
                            minute(nowMinute - 2),
                            minute(nowMinute - 1),
                            minute(nowMinute));
            List<Double> values = new ArrayList<>();
            series.get("values").forEach(v -> values.add(v.asDouble()));
            assertThat(values).containsExactly(74.0, 73.0, 72.0, 71.0, 70.0);
        }
    }
}
