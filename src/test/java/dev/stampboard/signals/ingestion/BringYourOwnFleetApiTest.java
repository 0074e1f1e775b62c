package dev.stampboard.signals.ingestion;

import static dev.stampboard.signals.ingestion.ApiFleetFeed.cpu;
import static dev.stampboard.signals.ingestion.ApiFleetFeed.nearestRankP95;
import static dev.stampboard.signals.ingestion.ApiFleetFeed.nodes;
import static dev.stampboard.signals.ingestion.ApiFleetFeed.put;
import static dev.stampboard.signals.ingestion.ApiFleetFeed.rest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.support.ChildConsole;
import dev.stampboard.support.ChildConsoleTest;
import dev.stampboard.support.HookedConsole;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A fleet the simulator does not drive, built and fed only through the JSON API (PUT stamps and
 * registries, both ingestion endpoints), gets a plan; after a restart its signals and traffic shares are
 * back; so does a stamp declared and fed apart from the planned fleet. Needs its own database and the simulator off,
 * hence its own console, a child JVM ({@link ChildConsole}; two starts: before and after a graceful restart).
 */
@ChildConsoleTest
class BringYourOwnFleetApiTest {

    private static final int MINUTES = 60;

    @TempDir
    Path dir;

    /** The console on this test's database file, simulator off; the same file on every start. */
    private ChildConsole start(String name) throws Exception {
        return ChildConsole.named(name)
                .main(HookedConsole.class) // for the active alerts
                .log(Path.of("target", "child-consoles", "byo-api.log"))
                .property("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=FALSE")
                .property("stampboard.simulator.enabled", false)
                .property("stampboard.cutover.executor-enabled", false)
                .startReady(); // killed when not ready
    }

    private static JsonNode pool(JsonNode stamp, String kind) {
        for (JsonNode p : stamp.get("pools")) {
            if (p.get("pool").asText().equals(kind)) {
                return p;
            }
        }
        throw new AssertionError("no " + kind + " pool in " + stamp);
    }

    /** The hot stamp's dataproxy node {@code n} at minute {@code m}: node 0 runs hottest, values vary by minute. */
    private static double hotCpu(int m, int n) {
        return n == 0 ? 60 + (m * 7) % 11 : 30 + (m + n) % 5;
    }

    @Test
    void a_fleet_fed_only_through_the_api_is_planned_and_survives_a_restart() throws Exception {
        // shares of the hot stamp's traffic: one registry makes half of it
        Map<String, Integer> onHot = new LinkedHashMap<>();
        onHot.put("byo-big.example.io", 50);
        onHot.put("byo-mid.example.io", 20);
        for (int i = 1; i <= 6; i++) {
            onHot.put("byo-small" + i + ".example.io", 5);
        }
        double[] hotMinuteValues = new double[MINUTES];
        Instant restartMinute =
                Instant.ofEpochSecond(Instant.now().getEpochSecond() / 60 * 60).minusSeconds(600);
        double restartP95;
        try (ChildConsole ctx = start("byo-api")) {
            // with the simulator disabled the console starts with an empty fleet
            assertThat(ctx.getJson("/api/v1/stamps", "dave")).isEmpty();
            HttpResponse<String> simulator = ctx.send("GET", "/api/v1/simulator", "dave", null);
            assertThat(simulator.statusCode()).as(simulator.body()).isEqualTo(404);
            assertThat(simulator.body()).contains("simulator is disabled");
            // after the start: the minutes sent are the latest ones when the reactive trigger is checked
            Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 60 * 60);
            Instant first = now.minusSeconds(60L * (MINUTES + 1));
            TestRestTemplate alice = rest(ctx, "alice");
            TestRestTemplate collector = rest(ctx, "collector");
            put(
                    collector,
                    "/api/v1/stamps/byo-s01",
                    Map.of(
                            "region",
                            "byoland",
                            "pools",
                            List.of(
                                    Map.of("pool", "REGISTRY", "nodes", nodes("rg", 4)),
                                    Map.of("pool", "DATAPROXY", "nodes", nodes("dp", 4)))));
            put(
                    collector,
                    "/api/v1/stamps/byo-s02",
                    Map.of(
                            "region",
                            "byoland",
                            "pools",
                            List.of(
                                    Map.of("pool", "REGISTRY", "nodes", nodes("rg", 8)),
                                    Map.of("pool", "DATAPROXY", "nodes", nodes("dp", 8)))));
            onHot.keySet()
                    .forEach(r -> put(
                            collector,
                            "/api/v1/registries/" + r,
                            Map.of(
                                    "customer",
                                    "byo-customer",
                                    "replicas",
                                    List.of(Map.of("region", "byoland", "homeStamp", "byo-s01")))));
            put(
                    collector,
                    "/api/v1/registries/byo-other.example.io",
                    Map.of(
                            "customer",
                            "byo-other",
                            "replicas",
                            List.of(Map.of("region", "byoland", "homeStamp", "byo-s02"))));

            List<Map<String, Object>> samples = new ArrayList<>();
            List<Map<String, Object>> traffic = new ArrayList<>();
            for (int m = 0; m < MINUTES; m++) {
                String minute = first.plusSeconds(60L * m).toString();
                double max = 0;
                for (int n = 0; n < 4; n++) {
                    samples.add(cpu("byo-s01", "DATAPROXY", String.format("dp-%03d", n), minute, hotCpu(m, n)));
                    samples.add(cpu("byo-s01", "REGISTRY", String.format("rg-%03d", n), minute, 25.0));
                    max = Math.max(max, hotCpu(m, n));
                }
                hotMinuteValues[m] = max;
                for (int n = 0; n < 8; n++) {
                    samples.add(cpu("byo-s02", "DATAPROXY", String.format("dp-%03d", n), minute, 15.0 + n));
                    samples.add(cpu("byo-s02", "REGISTRY", String.format("rg-%03d", n), minute, 12.0));
                }
                for (Map.Entry<String, Integer> r : onHot.entrySet()) {
                    Map<String, Object> row =
                            traffic(r.getKey(), "byo-s01", minute, r.getValue() * 100L, r.getValue() * 1_000_000L);
                    if (r.getKey().equals("byo-mid.example.io") && m >= MINUTES - 12) {
                        row.put("throttled", 100); // 5 % of its 2,000 requests for the last 12 minutes
                    }
                    traffic.add(row);
                }
                traffic.add(traffic("byo-other.example.io", "byo-s02", minute, 2000, 2_000_000_000L));
            }
            JsonNode cpuReport =
                    collector.postForObject("/api/v1/telemetry/node-cpu", Map.of("samples", samples), JsonNode.class);
            assertThat(cpuReport.get("rejected")).as(cpuReport.toString()).isEmpty();
            JsonNode trafficReport = collector.postForObject(
                    "/api/v1/telemetry/registry-traffic", Map.of("rows", traffic), JsonNode.class);
            assertThat(trafficReport.get("rejected"))
                    .as(trafficReport.toString())
                    .isEmpty();
            assertThat(trafficReport.get("accepted").asInt()).isEqualTo(MINUTES * (onHot.size() + 1));

            // reactive triggers from ingested traffic: throttling above 2 % for 10 minutes fires (the last minutes are
            // still on their way) for the replica only: its stamp throttled 100 of 10,000 requests a minute, 1 %
            List<String> alerts = new ArrayList<>();
            ctx.getJson("/api/v1/test-hooks/alerts", "dave").forEach(a -> alerts.add(a.asText()));
            assertThat(alerts).containsExactly("byo-mid.example.io@byoland THROTTLING_RATE");

            double expectedP95 = nearestRankP95(hotMinuteValues);
            JsonNode stamp = alice.getForObject("/api/v1/stamps/byo-s01", JsonNode.class);
            assertThat(stamp.get("pools").get(1).get("hotNodeP95").asDouble()).isEqualTo(expectedP95);
            assertThat(stamp.get("pools").get(1).get("state").asText()).isEqualTo("HOT");
            JsonNode share = alice.getForObject("/api/v1/stamps/byo-s01/traffic-share?pool=DATAPROXY", JsonNode.class);
            assertThat(share.get("registries").get(0).get("registry").asText()).isEqualTo("byo-big.example.io");
            assertThat(share.get("registries").get(0).get("share").asDouble()).isEqualTo(0.5);

            ResponseEntity<JsonNode> plan =
                    alice.postForEntity("/api/v1/plans", Map.of("region", "byoland"), JsonNode.class);
            assertThat(plan.getStatusCode()).as(String.valueOf(plan.getBody())).isEqualTo(HttpStatus.CREATED);
            JsonNode moves = plan.getBody().get("moves");
            assertThat(moves).as(plan.getBody().toString()).isNotEmpty();
            assertThat(moves.get(0).get("registry").asText()).isEqualTo("byo-big.example.io");
            assertThat(moves.get(0).get("from").asText()).isEqualTo("byo-s01");
            assertThat(moves.get(0).get("to").asText()).isEqualTo("byo-s02");

            // a stamp declared and fed through the services (not the API) is stored as well
            restartP95 = declareAndIngestSeparately(ctx, collector, restartMinute);
            ctx.stop(Duration.ofSeconds(60)); // graceful: Spring's shutdown, the database closed
        }
        try (ChildConsole ctx = start("byo-api-restarted")) {
            JsonNode restarted = ctx.getJson("/api/v1/stamps/byo-r01", "dave");
            assertThat(pool(restarted, "DATAPROXY").get("hotNodeP95").asDouble())
                    .isEqualTo(restartP95);
            assertThat(ctx.getJson("/api/v1/stamps/byo-r01/pools/DATAPROXY/hot-node", "dave")
                            .get("minutes"))
                    .hasSize(10);
            TestRestTemplate dave = rest(ctx, "dave");
            JsonNode stamp = dave.getForObject("/api/v1/stamps/byo-s01", JsonNode.class);
            assertThat(stamp.get("pools").get(1).get("hotNodeP95").asDouble())
                    .isEqualTo(nearestRankP95(hotMinuteValues));
            JsonNode share = dave.getForObject("/api/v1/stamps/byo-s01/traffic-share?pool=DATAPROXY", JsonNode.class);
            assertThat(share.get("registries")).hasSize(onHot.size());
            assertThat(share.get("registries").get(0).get("share").asDouble()).isEqualTo(0.5);
            assertThat(share.get("registries").get(0).get("bytes").asLong()).isEqualTo(MINUTES * 50_000_000L);
        }
    }

    /**
     * Stamp {@code byo-r01} (region {@code byorestart}, no registry) declared and ten minutes of two nodes' samples
     * ingested, apart from the planned fleet; returns its hot-node P95, checked here against the samples (once in
     * {@code BringYourOwnTelemetryRestartTest}, which started two more consoles for it).
     */
    private static double declareAndIngestSeparately(ChildConsole ctx, TestRestTemplate collector, Instant minute)
            throws Exception {
        put(
                collector,
                "/api/v1/stamps/byo-r01",
                Map.of("region", "byorestart", "pools", List.of(Map.of("pool", "DATAPROXY", "nodes", nodes("dp", 2)))));
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int m = 0; m < 10; m++) {
            String t = minute.plusSeconds(60L * m).toString();
            samples.add(cpu("byo-r01", "DATAPROXY", "dp-000", t, 10.0 + m));
            samples.add(cpu("byo-r01", "DATAPROXY", "dp-001", t, 50.0 - m));
        }
        JsonNode report =
                collector.postForObject("/api/v1/telemetry/node-cpu", Map.of("samples", samples), JsonNode.class);
        assertThat(report.get("rejected")).as(report.toString()).isEmpty();
        assertThat(report.get("accepted").asInt()).isEqualTo(20);
        // minute maxima 50, 49, …, 41; nearest rank ceil(0.95 × 10) = 10 -> the largest, 50
        double p95 = pool(ctx.getJson("/api/v1/stamps/byo-r01", "dave"), "DATAPROXY")
                .get("hotNodeP95")
                .asDouble();
        assertThat(p95).isEqualTo(50.0);
        return p95;
    }

    private static Map<String, Object> traffic(
            String registry, String stamp, String minute, long requests, long bytes) {
        return ApiFleetFeed.traffic(registry, "byoland", stamp, minute, requests, bytes, 80.0 + requests % 7);
    }
}
