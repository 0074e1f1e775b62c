package dev.stampboard.signals.ingestion;

import static dev.stampboard.signals.ingestion.ApiFleetFeed.cpu;
import static dev.stampboard.signals.ingestion.ApiFleetFeed.nearestRankP95;
import static dev.stampboard.signals.ingestion.ApiFleetFeed.node;
import static dev.stampboard.signals.ingestion.ApiFleetFeed.nodes;
import static dev.stampboard.signals.ingestion.ApiFleetFeed.put;
import static dev.stampboard.signals.ingestion.ApiFleetFeed.rest;
import static dev.stampboard.signals.ingestion.ApiFleetFeed.traffic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.support.ChildConsole;
import dev.stampboard.support.ChildConsoleTest;
import dev.stampboard.support.HookedConsole;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 13, "done when": with the simulator off, a fleet fed only through the two ingestion APIs is planned
 * <em>and executed</em> like the simulated one. Over HTTP: stamps and registries declared, two hours of node CPU and
 * registry traffic ingested, a plan proposed, submitted, refused to its own author and approved by another engineer
 * (four eyes), started; the executor cuts the replica over (the inventory and the routing entry follow), the source
 * drains, and through the whole validation window a collector keeps posting the fleet's minutes two minutes late,
 * as collectors do. The verdict and the outcome report are checked against figures computed here from the samples
 * sent, with DESIGN §2's nearest rank and §3's model. Its own console, a child JVM ({@link HookedConsole}): the
 * simulator must be off, and the clock is one the test moves through the console's test hook (the window passes in a
 * few seconds).
 */
@ChildConsoleTest
class BringYourOwnFleetExecutionTest {

    private static final String REGION = "byoland";
    private static final String HOT = "byo-s01";
    private static final String COOL = "byo-s02";
    private static final String BIG = "byo-big.example.io";
    /** Collectors post each minute this many minutes after it ended. */
    private static final int COLLECTOR_DELAY_MINUTES = 2;

    private static final int OBSERVATION_HOURS = 3;
    private static final int WINDOW_MINUTES = 120;

    @TempDir
    Path dir;

    // ---- the fleet this test runs (its world, written here and nowhere else) -------------------

    /** Requests per minute of each registry (bytes are 10,000 × requests): BIG makes half of HOT's traffic. */
    private static final Map<String, Long> REQUESTS = new LinkedHashMap<>();

    static {
        REQUESTS.put(BIG, 5000L);
        REQUESTS.put("byo-mid.example.io", 2000L);
        for (int i = 1; i <= 6; i++) {
            REQUESTS.put("byo-small" + i + ".example.io", 500L);
        }
        REQUESTS.put("byo-other.example.io", 4000L);
    }

    private static String homeBefore(String registry) {
        return registry.equals("byo-other.example.io") ? COOL : HOT;
    }

    /** HOT's dataproxy node 0 before the move: 60–70 %, a different value each minute. */
    private static double hotNode0(long t) {
        return 60 + (t * 7) % 11;
    }

    /**
     * Every node's CPU at minute {@code t}. After the cutover the fleet behaves as DESIGN §3's model says: HOT keeps
     * its idle baseline (6 % dataproxy, 7 % registry) plus half its load, and COOL takes that half spread over twice
     * as many nodes.
     */
    private static double cpuOf(String stamp, String pool, int n, long t, boolean moved) {
        boolean dataproxy = pool.equals("DATAPROXY");
        if (stamp.equals(HOT)) {
            if (!dataproxy) {
                return moved ? 7 + (25 - 7) * 0.5 : 25;
            }
            if (n == 0) {
                return moved ? 6 + (hotNode0(t) - 6) * 0.5 : hotNode0(t);
            }
            return 30 + (t + n) % 5;
        }
        if (!dataproxy) {
            return 12 + (moved ? (25 - 7) * 0.5 * 4 / 8 : 0);
        }
        return 15 + n + (moved ? (hotNode0(t) - 6) * 0.5 * 4 / 8 : 0);
    }

    private static int nodeCount(String stamp) {
        return stamp.equals(HOT) ? 4 : 8;
    }

    /** Hot-node minute values per stamp/pool, as sent: what the expected P95s are computed from. */
    private final Map<String, TreeMap<Long, Double>> sent = new LinkedHashMap<>();

    private void sendMinutes(TestRestTemplate collector, long from, long to, long cutoverMinute) {
        List<Map<String, Object>> samples = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long t = from; t <= to; t++) {
            boolean moved = t >= cutoverMinute;
            String minute = Instant.ofEpochSecond(t * 60).toString();
            for (String stamp : List.of(HOT, COOL)) {
                for (String pool : List.of("REGISTRY", "DATAPROXY")) {
                    double max = 0;
                    for (int n = 0; n < nodeCount(stamp); n++) {
                        double v = cpuOf(stamp, pool, n, t, moved);
                        samples.add(cpu(stamp, pool, node(pool.equals("REGISTRY") ? "rg" : "dp", n), minute, v));
                        max = Math.max(max, v);
                    }
                    sent.computeIfAbsent(stamp + "/" + pool, k -> new TreeMap<>())
                            .put(t, max);
                }
            }
            for (Map.Entry<String, Long> r : REQUESTS.entrySet()) {
                String servedBy = r.getKey().equals(BIG) && moved ? COOL : homeBefore(r.getKey());
                long requests = r.getValue();
                rows.add(traffic(r.getKey(), REGION, servedBy, minute, requests, requests * 10_000, 85.0));
            }
        }
        JsonNode cpu =
                collector.postForObject("/api/v1/telemetry/node-cpu", Map.of("samples", samples), JsonNode.class);
        assertThat(cpu.get("rejected")).as(cpu.toString()).isEmpty();
        JsonNode traffic =
                collector.postForObject("/api/v1/telemetry/registry-traffic", Map.of("rows", rows), JsonNode.class);
        assertThat(traffic.get("rejected")).as(traffic.toString()).isEmpty();
        assertThat(traffic.get("accepted").asInt()).isEqualTo((to - from + 1) * REQUESTS.size());
    }

    /** The P95 of the hot-node minute values sent for {@code series} whose minute lies in [from, to]. */
    private double p95Sent(String series, long from, long to) {
        return nearestRankP95(sent.get(series).subMap(from, true, to, true).values().stream()
                .mapToDouble(Double::doubleValue)
                .toArray());
    }

    // ---- the console ---------------------------------------------------------------------------

    private ChildConsole start(Instant clockStart) throws Exception {
        return ChildConsole.named("byo-execution")
                .main(HookedConsole.class) // the movable clock and one executor pass at a time
                .property("stampboard.test.clock", clockStart)
                .property("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=FALSE")
                .property("stampboard.simulator.enabled", false)
                .property("stampboard.cutover.executor-enabled", false)
                .property("stampboard.signals.window-minutes", WINDOW_MINUTES)
                .property("stampboard.planning.high-observation-hours", OBSERVATION_HOURS)
                .property("stampboard.planning.medium-observation-hours", OBSERVATION_HOURS)
                .startReady(); // killed when not ready
    }

    /** A test hook of the console ({@link HookedConsole}), as alice; its answer. */
    private static String hook(ChildConsole console, String method, String path) throws Exception {
        HttpResponse<String> res = console.send(method, "/api/v1/test-hooks/" + path, "alice", null);
        assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(200);
        return res.body();
    }

    private static long nowMinute(ChildConsole console) throws Exception {
        return Long.parseLong(hook(console, "GET", "now-minute").trim());
    }

    private static JsonNode post(TestRestTemplate rest, String path, HttpStatus expected) {
        ResponseEntity<JsonNode> res = rest.postForEntity(path, Map.of(), JsonNode.class);
        assertThat(res.getStatusCode()).as(path + ": " + res.getBody()).isEqualTo(expected);
        return res.getBody();
    }

    @Test
    void a_fleet_fed_only_through_the_api_is_planned_approved_cut_over_validated_and_judged() throws Exception {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        long c = t0.getEpochSecond() / 60; // the minute the plan starts and the replica is cut over
        try (ChildConsole ctx = start(t0)) {
            TestRestTemplate alice = rest(ctx, "alice");
            TestRestTemplate bob = rest(ctx, "bob");
            TestRestTemplate dave = rest(ctx, "dave");
            TestRestTemplate collector = rest(ctx, "collector");

            for (String stamp : List.of(HOT, COOL)) {
                put(
                        collector,
                        "/api/v1/stamps/" + stamp,
                        Map.of(
                                "region",
                                REGION,
                                "pools",
                                List.of(
                                        Map.of("pool", "REGISTRY", "nodes", nodes("rg", nodeCount(stamp))),
                                        Map.of("pool", "DATAPROXY", "nodes", nodes("dp", nodeCount(stamp))))));
            }
            REQUESTS.keySet()
                    .forEach(r -> put(
                            collector,
                            "/api/v1/registries/" + r,
                            Map.of(
                                    "customer",
                                    r.equals("byo-other.example.io") ? "byo-other" : "byo-customer",
                                    "replicas",
                                    List.of(Map.of("region", REGION, "homeStamp", homeBefore(r))))));
            // the peak window before the plan: minutes c-119 .. c-1 (minute c has not ended yet)
            sendMinutes(collector, c - WINDOW_MINUTES + 1, c - 1, Long.MAX_VALUE);

            // ---- plan: DESIGN §3's prediction, computed here -------------------------------------
            double hotBefore = p95Sent(HOT + "/DATAPROXY", c - WINDOW_MINUTES + 1, c);
            assertThat(hotBefore).isEqualTo(70.0);
            JsonNode plan = alice.postForEntity("/api/v1/plans", Map.of("region", REGION), JsonNode.class)
                    .getBody();
            String id = plan.get("id").asText();
            assertThat(plan.get("moves")).as(plan.toString()).hasSize(1);
            JsonNode move = plan.get("moves").get(0);
            assertThat(move.get("registry").asText()).isEqualTo(BIG);
            assertThat(move.get("from").asText()).isEqualTo(HOT);
            assertThat(move.get("to").asText()).isEqualTo(COOL);
            assertThat(move.get("observationHours").asInt()).isEqualTo(OBSERVATION_HOURS);
            // share 0.5 of requests and bytes; b = 6 (dataproxy) and 7 (registry); HOT has 4 nodes, COOL 8
            Map<String, Double> predicted = Map.of(
                    HOT + "/DATAPROXY", 6 + (hotBefore - 6) * 0.5,
                    HOT + "/REGISTRY", 7 + (25 - 7) * 0.5,
                    COOL + "/DATAPROXY", 22 + (hotBefore - 6) * 0.5 * 4 / 8,
                    COOL + "/REGISTRY", 12 + (25 - 7) * 0.5 * 4 / 8);
            for (JsonNode p : plan.get("predictions")) {
                String key = p.get("stamp").asText() + "/" + p.get("pool").asText();
                assertThat(p.get("after").asDouble()).as(key).isCloseTo(predicted.get(key), within(0.05));
            }

            // ---- four eyes, then start ----------------------------------------------------------
            post(alice, "/api/v1/plans/" + id + "/submit", HttpStatus.OK);
            post(alice, "/api/v1/plans/" + id + "/approve", HttpStatus.CONFLICT);
            assertThat(post(bob, "/api/v1/plans/" + id + "/approve", HttpStatus.OK)
                            .get("status")
                            .asText())
                    .isEqualTo("APPROVED");
            assertThat(post(alice, "/api/v1/plans/" + id + "/start", HttpStatus.OK)
                            .get("status")
                            .asText())
                    .isEqualTo("RUNNING");

            // ---- cutover: the inventory and the routing behind the endpoint follow ----------------
            hook(ctx, "POST", "executor/run-once");
            JsonNode execution = dave.getForObject("/api/v1/plans/" + id + "/execution", JsonNode.class);
            assertThat(execution.get("moves").get(0).get("state").asText()).isEqualTo("DRAINING");
            assertThat(execution.get("moves").get(0).get("baselineRequests").asDouble())
                    .isEqualTo(5000.0);
            assertThat(execution.get("moves").get(0).get("baselineP99Ms").asDouble())
                    .isEqualTo(85.0);
            JsonNode big = dave.getForObject("/api/v1/registries/" + BIG, JsonNode.class);
            assertThat(big.get("replicas").get(0).get("homeStamp").asText()).isEqualTo(COOL);

            // ---- drain, validation window, verdict: the collector keeps posting, two minutes late ---
            long nextToSend = c;
            String state = "DRAINING";
            for (int step = 0; step < OBSERVATION_HOURS * 12 + 6 && !state.equals("COMPLETED"); step++) {
                // an executor pass every 5 minutes (every second in production)
                hook(ctx, "POST", "clock/advance?minutes=5");
                hook(ctx, "POST", "follow-clock");
                long now = nowMinute(ctx);
                if (now - COLLECTOR_DELAY_MINUTES >= nextToSend) {
                    sendMinutes(collector, nextToSend, now - COLLECTOR_DELAY_MINUTES, c);
                    nextToSend = now - COLLECTOR_DELAY_MINUTES + 1;
                }
                hook(ctx, "POST", "executor/run-once");
                state = dave.getForObject("/api/v1/plans/" + id + "/execution", JsonNode.class)
                        .get("moves")
                        .get(0)
                        .get("state")
                        .asText();
                assertThat(state).isIn("DRAINING", "VALIDATING", "COMPLETED");
            }
            long judgedAt = nowMinute(ctx);
            execution = dave.getForObject("/api/v1/plans/" + id + "/execution", JsonNode.class);
            JsonNode judged = execution.get("moves").get(0);
            assertThat(judged.get("state").asText()).as(judged.toString()).isEqualTo("COMPLETED");
            assertThat(judged.get("verdict").asText()).isEqualTo("PASS");
            assertThat(judgedAt)
                    .as("judged once the window and the collectors' delay are over")
                    .isGreaterThanOrEqualTo(c + OBSERVATION_HOURS * 60L + COLLECTOR_DELAY_MINUTES);
            assertThat(execution.get("plan").get("status").asText()).isEqualTo("COMPLETED");

            // what it was judged on: the samples sent during the window, not an empty window
            String evidence = judged.get("evidence").asText();
            double coolAfter = p95Sent(COOL + "/DATAPROXY", judgedAt - WINDOW_MINUTES + 1, judgedAt);
            assertThat(coolAfter).isEqualTo(22 + (70 - 6) * 0.5 * 4 / 8);
            assertThat(evidence)
                    .contains("p99 latency 85 ms against a baseline of 85 ms")
                    .contains("throughput 5000 requests/min against a baseline of 5000")
                    .contains(String.format(
                            java.util.Locale.ROOT, "destination %s DATAPROXY hot-node P95 %.1f %%", COOL, coolAfter))
                    .contains(String.format(
                            java.util.Locale.ROOT,
                            "destination %s DATAPROXY over the whole window (%d min): hot-node P95 %.1f %%",
                            COOL,
                            OBSERVATION_HOURS * 60 + 1,
                            p95Sent(COOL + "/DATAPROXY", c, c + OBSERVATION_HOURS * 60L)));

            // the outcome report: before from the plan's evidence, after measured when the plan completed
            JsonNode report = dave.getForObject("/api/v1/plans/" + id + "/report", JsonNode.class);
            Map<String, Double> before = Map.of(
                    HOT + "/DATAPROXY", hotBefore,
                    HOT + "/REGISTRY", 25.0,
                    COOL + "/DATAPROXY", 22.0,
                    COOL + "/REGISTRY", 12.0);
            for (JsonNode row : report.get("rows")) {
                String key = row.get("stamp").asText() + "/" + row.get("pool").asText();
                assertThat(row.get("before").asDouble()).as(key).isEqualTo(before.get(key));
                assertThat(row.get("after").asDouble())
                        .as(key)
                        .isCloseTo(p95Sent(key, judgedAt - WINDOW_MINUTES + 1, judgedAt), within(0.05));
            }
            assertThat(report.get("rows")).hasSize(4);
        }
    }
}
