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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A fleet the simulator does not drive, built and fed only through the JSON API (PUT stamps and registries, both
 * ingestion endpoints), is planned <em>and executed</em> like the simulated one (issue 13), and what it was fed comes
 * back after a graceful restart. One story on one console ({@link HookedConsole}, a child JVM: the simulator off, a
 * movable clock, an executor pass on demand) and one H2 file, in the order of the steps below:
 *
 * <ol>
 *   <li>with the simulator off the console starts with an empty fleet;
 *   <li>region {@value #REGION} is planned, approved by four eyes, cut over, drained, validated through a window a
 *       collector keeps feeding two minutes late, judged and reported on — against figures computed here;
 *   <li>region {@value #API_REGION}, a second fleet fed only through the API, gets a throttling trigger, its hot-node
 *       P95 and traffic shares, and a plan; stamp {@value #APART} is declared and fed apart from both fleets;
 *   <li>the console stops gracefully and starts again on the same file, its clock at the minute it stopped: the
 *       second fleet's signals and traffic shares and {@value #APART}'s samples are back.
 * </ol>
 *
 * Two console starts. Until session 10 this was two classes and three starts ({@code BringYourOwnFleetApiTest}:
 * the fleet and its restart; {@code BringYourOwnFleetExecutionTest}: the execution); each start costs about 50 CPU-s,
 * so the steps share one console ({@code PER_CLASS}, state in fields) and each region has names of its own. A step
 * builds on the ones before it: when one fails, read the first failure. Samples ingested under the simulator coming
 * back after a restart are checked on {@code KillNineDurabilityTest}'s consoles (the simulator feeds every active
 * stamp and runs its own clock, so they cannot share these).
 */
@ChildConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BringYourOwnFleetTest {

    private static final int OBSERVATION_HOURS = 3;
    private static final int WINDOW_MINUTES = 120;

    /** The H2 file's directory, one for both starts. */
    private Path dir;

    private ChildConsole console;

    /** The first life's clock: the minute the plan of {@value #REGION} starts and its replica is cut over. */
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    /** The console on this test's database file, simulator off, its movable clock starting at {@code clock}. */
    private ChildConsole start(String name, Instant clock) throws Exception {
        return ChildConsole.named(name)
                .main(HookedConsole.class) // active alerts, the engine's minute, the movable clock, executor passes
                .log(Path.of("target", "child-consoles", "byo-fleet.log"))
                .property("stampboard.test.clock", clock)
                .property("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=FALSE")
                .property("stampboard.simulator.enabled", false)
                .property("stampboard.cutover.executor-enabled", false)
                .property("stampboard.signals.window-minutes", WINDOW_MINUTES)
                .property("stampboard.planning.high-observation-hours", OBSERVATION_HOURS)
                .property("stampboard.planning.medium-observation-hours", OBSERVATION_HOURS)
                .startReady(); // killed when not ready
    }

    @BeforeAll
    void startConsole(@TempDir Path dir) throws Exception {
        this.dir = dir;
        console = start("byo-fleet", T0);
    }

    @AfterAll
    void closeConsole() {
        if (console != null) {
            console.close();
        }
    }

    /** A test hook of the console ({@link HookedConsole}), as alice; its answer. */
    private static String hook(ChildConsole console, String method, String path) throws Exception {
        HttpResponse<String> res = console.send(method, "/api/v1/test-hooks/" + path, "alice", null);
        assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(200);
        return res.body();
    }

    /** The signals engine's current minute (epoch minutes). */
    private static long nowMinute(ChildConsole console) throws Exception {
        return Long.parseLong(hook(console, "GET", "now-minute").trim());
    }

    private static JsonNode pool(JsonNode stamp, String kind) {
        for (JsonNode p : stamp.get("pools")) {
            if (p.get("pool").asText().equals(kind)) {
                return p;
            }
        }
        throw new AssertionError("no " + kind + " pool in " + stamp);
    }

    // ---- 1. the empty start ------------------------------------------------------------------

    @Test
    @Order(1)
    @Execution(ExecutionMode.SAME_THREAD) // in order, on one console: the class is CONCURRENT, its methods not
    void without_the_simulator_the_console_starts_with_an_empty_fleet() throws Exception {
        assertThat(console.getJson("/api/v1/stamps", "dave")).isEmpty();
        HttpResponse<String> simulator = console.send("GET", "/api/v1/simulator", "dave", null);
        assertThat(simulator.statusCode()).as(simulator.body()).isEqualTo(404);
        assertThat(simulator.body()).contains("simulator is disabled");
    }

    // ---- 2. planned, approved, cut over, validated and judged (region byoland) ----------------

    private static final String REGION = "byoland";
    private static final String HOT = "byo-s01";
    private static final String COOL = "byo-s02";
    private static final String BIG = "byo-big.example.io";
    /** Collectors post each minute this many minutes after it ended. */
    private static final int COLLECTOR_DELAY_MINUTES = 2;

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
        postCpu(collector, samples);
        postTraffic(collector, rows, (to - from + 1) * REQUESTS.size());
    }

    /** Posts node CPU samples as a collector does: none may be refused. */
    private static JsonNode postCpu(TestRestTemplate collector, List<Map<String, Object>> samples) {
        JsonNode report =
                collector.postForObject("/api/v1/telemetry/node-cpu", Map.of("samples", samples), JsonNode.class);
        assertThat(report.get("rejected")).as(report.toString()).isEmpty();
        return report;
    }

    /** Posts registry traffic rows as a collector does: none may be refused, and all {@code expected} are taken. */
    private static void postTraffic(TestRestTemplate collector, List<Map<String, Object>> rows, long expected) {
        JsonNode report =
                collector.postForObject("/api/v1/telemetry/registry-traffic", Map.of("rows", rows), JsonNode.class);
        assertThat(report.get("rejected")).as(report.toString()).isEmpty();
        assertThat(report.get("accepted").asInt()).isEqualTo(expected);
    }

    /** The P95 of the hot-node minute values sent for {@code series} whose minute lies in [from, to]. */
    private double p95Sent(String series, long from, long to) {
        return nearestRankP95(sent.get(series).subMap(from, true, to, true).values().stream()
                .mapToDouble(Double::doubleValue)
                .toArray());
    }

    private static JsonNode post(TestRestTemplate rest, String path, HttpStatus expected) {
        ResponseEntity<JsonNode> res = rest.postForEntity(path, Map.of(), JsonNode.class);
        assertThat(res.getStatusCode()).as(path + ": " + res.getBody()).isEqualTo(expected);
        return res.getBody();
    }

    /**
     * Over HTTP: stamps and registries declared, two hours of node CPU and registry traffic ingested, a plan proposed,
     * submitted, refused to its own author and approved by another engineer (four eyes), started; the executor cuts
     * the replica over (the inventory and the routing entry follow), the source drains, and through the whole
     * validation window a collector keeps posting the fleet's minutes two minutes late, as collectors do. The verdict
     * and the outcome report are checked against figures computed here from the samples sent, with DESIGN §2's
     * nearest rank and §3's model. The clock moves through the console's test hook (the window passes in seconds).
     */
    @Test
    @Order(2)
    @Execution(ExecutionMode.SAME_THREAD)
    void a_fleet_fed_only_through_the_api_is_planned_approved_cut_over_validated_and_judged() throws Exception {
        ChildConsole ctx = console;
        long c = T0.getEpochSecond() / 60; // the minute the plan starts and the replica is cut over
        assertThat(nowMinute(ctx)).as("the movable clock starts at T0").isEqualTo(c);
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
                .contains(String.format(Locale.ROOT, "destination %s DATAPROXY hot-node P95 %.1f %%", COOL, coolAfter))
                .contains(String.format(
                        Locale.ROOT,
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

    // ---- 3. a second fleet (region apiland), planned; a stamp fed apart ---------------------

    private static final String API_REGION = "apiland";
    private static final String API_HOT = "api-s01";
    private static final String API_COOL = "api-s02";
    private static final String API_BIG = "api-big.example.io";
    private static final String API_MID = "api-mid.example.io";
    private static final String APART = "byo-r01";
    private static final int API_MINUTES = 60;

    /** Shares of API_HOT's traffic (per cent): one registry makes half of it. */
    private final Map<String, Integer> onApiHot = new LinkedHashMap<>();

    /** API_HOT's dataproxy hot-node value of each minute sent, in order. */
    private final double[] apiHotMinuteValues = new double[API_MINUTES];

    /** APART's dataproxy hot-node P95 before the restart (checked against its samples). */
    private double apartP95;

    /** The hot stamp's dataproxy node {@code n} at minute {@code m}: node 0 runs hottest, values vary by minute. */
    private static double apiHotCpu(int m, int n) {
        return n == 0 ? 60 + (m * 7) % 11 : 30 + (m + n) % 5;
    }

    private static Map<String, Object> apiTraffic(
            String registry, String stamp, String minute, long requests, long bytes) {
        return traffic(registry, API_REGION, stamp, minute, requests, bytes, 80.0 + requests % 7);
    }

    @Test
    @Order(3)
    @Execution(ExecutionMode.SAME_THREAD)
    void a_second_fleet_fed_only_through_the_api_gets_its_signals_a_trigger_and_a_plan() throws Exception {
        ChildConsole ctx = console;
        onApiHot.put(API_BIG, 50);
        onApiHot.put(API_MID, 20);
        for (int i = 1; i <= 6; i++) {
            onApiHot.put("api-small" + i + ".example.io", 5);
        }
        // the minutes sent end just before the engine's current one: the latest when the reactive trigger is checked
        Instant now = Instant.ofEpochSecond(nowMinute(ctx) * 60);
        Instant first = now.minusSeconds(60L * (API_MINUTES + 1));
        TestRestTemplate alice = rest(ctx, "alice");
        TestRestTemplate collector = rest(ctx, "collector");
        put(
                collector,
                "/api/v1/stamps/" + API_HOT,
                Map.of(
                        "region",
                        API_REGION,
                        "pools",
                        List.of(
                                Map.of("pool", "REGISTRY", "nodes", nodes("rg", 4)),
                                Map.of("pool", "DATAPROXY", "nodes", nodes("dp", 4)))));
        put(
                collector,
                "/api/v1/stamps/" + API_COOL,
                Map.of(
                        "region",
                        API_REGION,
                        "pools",
                        List.of(
                                Map.of("pool", "REGISTRY", "nodes", nodes("rg", 8)),
                                Map.of("pool", "DATAPROXY", "nodes", nodes("dp", 8)))));
        onApiHot.keySet()
                .forEach(r -> put(
                        collector,
                        "/api/v1/registries/" + r,
                        Map.of(
                                "customer",
                                "api-customer",
                                "replicas",
                                List.of(Map.of("region", API_REGION, "homeStamp", API_HOT)))));
        put(
                collector,
                "/api/v1/registries/api-other.example.io",
                Map.of(
                        "customer",
                        "api-other",
                        "replicas",
                        List.of(Map.of("region", API_REGION, "homeStamp", API_COOL))));

        List<Map<String, Object>> samples = new ArrayList<>();
        List<Map<String, Object>> traffic = new ArrayList<>();
        for (int m = 0; m < API_MINUTES; m++) {
            String minute = first.plusSeconds(60L * m).toString();
            double max = 0;
            for (int n = 0; n < 4; n++) {
                samples.add(cpu(API_HOT, "DATAPROXY", node("dp", n), minute, apiHotCpu(m, n)));
                samples.add(cpu(API_HOT, "REGISTRY", node("rg", n), minute, 25.0));
                max = Math.max(max, apiHotCpu(m, n));
            }
            apiHotMinuteValues[m] = max;
            for (int n = 0; n < 8; n++) {
                samples.add(cpu(API_COOL, "DATAPROXY", node("dp", n), minute, 15.0 + n));
                samples.add(cpu(API_COOL, "REGISTRY", node("rg", n), minute, 12.0));
            }
            for (Map.Entry<String, Integer> r : onApiHot.entrySet()) {
                Map<String, Object> row =
                        apiTraffic(r.getKey(), API_HOT, minute, r.getValue() * 100L, r.getValue() * 1_000_000L);
                if (r.getKey().equals(API_MID) && m >= API_MINUTES - 12) {
                    row.put("throttled", 100); // 5 % of its 2,000 requests for the last 12 minutes
                }
                traffic.add(row);
            }
            traffic.add(apiTraffic("api-other.example.io", API_COOL, minute, 2000, 2_000_000_000L));
        }
        postCpu(collector, samples);
        postTraffic(collector, traffic, API_MINUTES * (onApiHot.size() + 1));

        // reactive triggers from ingested traffic: throttling above 2 % for 10 minutes fires (the last minutes are
        // still on their way) for the replica only: its stamp throttled 100 of 10,000 requests a minute, 1 %. No
        // other alert is active: region byoland's fleet throttled nothing and stayed below the CPU triggers
        List<String> alerts = new ArrayList<>();
        ctx.getJson("/api/v1/test-hooks/alerts", "dave").forEach(a -> alerts.add(a.asText()));
        assertThat(alerts).containsExactly(API_MID + "@" + API_REGION + " THROTTLING_RATE");

        double expectedP95 = nearestRankP95(apiHotMinuteValues);
        JsonNode stamp = alice.getForObject("/api/v1/stamps/" + API_HOT, JsonNode.class);
        assertThat(pool(stamp, "DATAPROXY").get("hotNodeP95").asDouble()).isEqualTo(expectedP95);
        assertThat(pool(stamp, "DATAPROXY").get("state").asText()).isEqualTo("HOT");
        JsonNode share =
                alice.getForObject("/api/v1/stamps/" + API_HOT + "/traffic-share?pool=DATAPROXY", JsonNode.class);
        assertThat(share.get("registries").get(0).get("registry").asText()).isEqualTo(API_BIG);
        assertThat(share.get("registries").get(0).get("share").asDouble()).isEqualTo(0.5);

        ResponseEntity<JsonNode> plan =
                alice.postForEntity("/api/v1/plans", Map.of("region", API_REGION), JsonNode.class);
        assertThat(plan.getStatusCode()).as(String.valueOf(plan.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode moves = plan.getBody().get("moves");
        assertThat(moves).as(plan.getBody().toString()).isNotEmpty();
        assertThat(moves.get(0).get("registry").asText()).isEqualTo(API_BIG);
        assertThat(moves.get(0).get("from").asText()).isEqualTo(API_HOT);
        assertThat(moves.get(0).get("to").asText()).isEqualTo(API_COOL);
    }

    /**
     * Stamp {@value #APART} (region {@code byorestart}, no registry) declared and ten minutes of two nodes' samples
     * ingested, apart from the planned fleets; its hot-node P95 checked against the samples.
     */
    @Test
    @Order(4)
    @Execution(ExecutionMode.SAME_THREAD)
    void a_stamp_declared_and_fed_apart_from_the_planned_fleets_is_stored() throws Exception {
        TestRestTemplate collector = rest(console, "collector");
        put(
                collector,
                "/api/v1/stamps/" + APART,
                Map.of("region", "byorestart", "pools", List.of(Map.of("pool", "DATAPROXY", "nodes", nodes("dp", 2)))));
        Instant minute = Instant.ofEpochSecond(nowMinute(console) * 60).minusSeconds(600);
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int m = 0; m < 10; m++) {
            String t = minute.plusSeconds(60L * m).toString();
            samples.add(cpu(APART, "DATAPROXY", "dp-000", t, 10.0 + m));
            samples.add(cpu(APART, "DATAPROXY", "dp-001", t, 50.0 - m));
        }
        assertThat(postCpu(collector, samples).get("accepted").asInt()).isEqualTo(20);
        // minute maxima 50, 49, …, 41; nearest rank ceil(0.95 × 10) = 10 -> the largest, 50
        apartP95 = pool(console.getJson("/api/v1/stamps/" + APART, "dave"), "DATAPROXY")
                .get("hotNodeP95")
                .asDouble();
        assertThat(apartP95).isEqualTo(50.0);
    }

    // ---- 4. a graceful restart on the same file ----------------------------------------------

    @Test
    @Order(5)
    @Execution(ExecutionMode.SAME_THREAD)
    void after_a_graceful_restart_the_second_fleets_signals_and_shares_are_back() throws Exception {
        long stoppedAt = nowMinute(console);
        console.stop(Duration.ofSeconds(60)); // graceful: Spring's shutdown, the database closed
        console = start("byo-fleet-restarted", Instant.ofEpochSecond(stoppedAt * 60));
        ChildConsole ctx = console;
        assertThat(nowMinute(ctx)).as("the clock continues where it stopped").isEqualTo(stoppedAt);

        JsonNode restarted = ctx.getJson("/api/v1/stamps/" + APART, "dave");
        assertThat(pool(restarted, "DATAPROXY").get("hotNodeP95").asDouble()).isEqualTo(apartP95);
        assertThat(ctx.getJson("/api/v1/stamps/" + APART + "/pools/DATAPROXY/hot-node", "dave")
                        .get("minutes"))
                .hasSize(10);
        TestRestTemplate dave = rest(ctx, "dave");
        JsonNode stamp = dave.getForObject("/api/v1/stamps/" + API_HOT, JsonNode.class);
        assertThat(pool(stamp, "DATAPROXY").get("hotNodeP95").asDouble()).isEqualTo(nearestRankP95(apiHotMinuteValues));
        JsonNode share =
                dave.getForObject("/api/v1/stamps/" + API_HOT + "/traffic-share?pool=DATAPROXY", JsonNode.class);
        assertThat(share.get("registries")).hasSize(onApiHot.size());
        assertThat(share.get("registries").get(0).get("share").asDouble()).isEqualTo(0.5);
        assertThat(share.get("registries").get(0).get("bytes").asLong()).isEqualTo(API_MINUTES * 50_000_000L);
    }
}
