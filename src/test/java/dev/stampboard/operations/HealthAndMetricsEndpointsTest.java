package dev.stampboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.SpringTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The actuator as a load balancer and Prometheus see it: open probes, a protected scrape that agrees with the JSON API. */
class HealthAndMetricsEndpointsTest extends SpringTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-z0-9_]+)\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);

    @Autowired
    dev.stampboard.cutover.ExecutorLease lease;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcClient jdbc;

    @Test
    void probes_are_open_and_up_once_started() {
        for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness", "/actuator/health")) {
            ResponseEntity<JsonNode> res = rest.getForEntity(probe, JsonNode.class);
            assertThat(res.getStatusCode()).as(probe).isEqualTo(HttpStatus.OK);
            assertThat(res.getBody().get("status").asText()).as(probe).isEqualTo("UP");
        }
        JsonNode readiness = rest.getForObject("/actuator/health/readiness", JsonNode.class);
        assertThat(readiness.get("components").get("startup").get("status").asText())
                .isEqualTo("UP");
        assertThat(readiness
                        .get("components")
                        .get("readinessState")
                        .get("status")
                        .asText())
                .isEqualTo("UP");
    }

    @Test
    void the_scrape_needs_a_viewer() {
        assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("collector", "collector-pw")
                        .getForEntity("/actuator/prometheus", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("carol", "carol-pw")
                        .getForEntity("/actuator/prometheus", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void scraped_signals_agree_with_the_json_api() throws InterruptedException {
        Map<String, Double> p95 = new HashMap<>();
        Map<String, Double> state = new HashMap<>();
        // pools declared by earlier tests appear within a second (the rows are rebuilt at most once a second)
        int pools = 0;
        for (JsonNode stamp : rest.withBasicAuth("dave", "dave-pw").getForObject("/api/v1/stamps", JsonNode.class)) {
            pools += stamp.get("pools").size();
        }
        String scrape = scrape();
        for (int i = 0; i < 30 && scrape.split("\\nstampboard_pool_state\\{").length - 1 < pools; i++) {
            Thread.sleep(200);
            scrape = scrape();
        }
        Matcher m = SAMPLE.matcher(scrape);
        while (m.find()) {
            Map<String, String> labels = labels(m.group(2));
            String key = labels.get("region") + "/" + labels.get("stamp") + "/" + labels.get("pool");
            switch (m.group(1)) {
                case "stampboard_hot_node_p95_percent" -> p95.put(key, Double.parseDouble(m.group(3)));
                case "stampboard_pool_state" -> state.put(key, Double.parseDouble(m.group(3)));
                default -> {}
            }
        }
        JsonNode stamps = rest.withBasicAuth("dave", "dave-pw").getForObject("/api/v1/stamps", JsonNode.class);
        pools = 0;
        int withData = 0;
        for (JsonNode stamp : stamps) {
            for (JsonNode pool : stamp.get("pools")) {
                String key = stamp.get("region").asText() + "/"
                        + stamp.get("name").asText() + "/" + pool.get("pool").asText();
                pools++;
                assertThat(p95).as(key).containsKey(key);
                if (pool.get("hotNodeP95").isNull()) {
                    assertThat(p95.get(key)).as(key).isNaN();
                } else {
                    withData++;
                    // the API prints the float's shortest decimal, the scrape the double it widens to
                    assertThat((float) p95.get(key).doubleValue()).as(key).isEqualTo((float)
                            pool.get("hotNodeP95").asDouble());
                }
                double expectedState = switch (pool.get("state").asText()) {
                    case "OK" -> 1;
                    case "WARN" -> 2;
                    case "HOT" -> 3;
                    default -> 0;
                };
                assertThat(state.get(key)).as(key).isEqualTo(expectedState);
            }
        }
        assertThat(pools).isEqualTo(p95.size());
        assertThat(withData).as("the seed fleet has data").isPositive();
        assertThat(state).containsValue(3.0); // the seed's source stamp is hot

        // the executor's schedule is off in tests, but a test that ran a pass by hand holds the lease for its ttl
        lease.release();
        assertThat(scrape()).contains("stampboard_executor_lease_held 0.0");
        assertThat(lease.tryAcquire(java.time.Instant.now())).isTrue();
        try {
            assertThat(scrape()).contains("stampboard_executor_lease_held 1.0");
        } finally {
            lease.release();
        }
        long moves = jdbc.sql("select count(*) from move_run").query(Long.class).single();
        double scrapedMoves = 0;
        Matcher mv = Pattern.compile("^stampboard_moves\\{state=\"[A-Z_]+\"\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(scrape);
        int states = 0;
        while (mv.find()) {
            scrapedMoves += Double.parseDouble(mv.group(1));
            states++;
        }
        assertThat(states).isEqualTo(dev.stampboard.cutover.MoveState.values().length);
        assertThat(scrapedMoves).isEqualTo(moves);
    }

    @Test
    void ingestion_is_counted_per_endpoint_and_reason() {
        double acceptedBefore = value(scrape(), "stampboard_ingestion_accepted_total", "endpoint=\"registry-traffic\"");
        double unknownBefore = value(
                scrape(), "stampboard_ingestion_rejected_total", "endpoint=\"node-cpu\",reason=\"unknown_stamp\"");
        var rows = List.of(Map.of(
                "stamp",
                "no-such-stamp",
                "pool",
                "REGISTRY",
                "node",
                "rg-000",
                "minute",
                "2026-11-26T11:00:00Z",
                "cpu",
                10));
        rest.withBasicAuth("collector", "collector-pw")
                .postForObject("/api/v1/telemetry/node-cpu", Map.of("samples", rows), JsonNode.class);
        rest.withBasicAuth("collector", "collector-pw")
                .postForObject("/api/v1/telemetry/node-cpu", Map.of("samples", rows), JsonNode.class);
        String after = scrape();
        assertThat(value(
                        after, "stampboard_ingestion_rejected_total", "endpoint=\"node-cpu\",reason=\"unknown_stamp\""))
                .isEqualTo(unknownBefore + 2);
        assertThat(value(after, "stampboard_ingestion_accepted_total", "endpoint=\"registry-traffic\""))
                .isEqualTo(acceptedBefore);
    }

    private String scrape() {
        ResponseEntity<String> res =
                rest.withBasicAuth("dave", "dave-pw").getForEntity("/actuator/prometheus", String.class);
        assertThat(res.getStatusCode()).isEqualTo(HttpStatus.OK);
        return res.getBody();
    }

    private static double value(String scrape, String metric, String labels) {
        Matcher m = Pattern.compile("^" + metric + "\\{" + Pattern.quote(labels) + "\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        Matcher m = Pattern.compile("([a-z_]+)=\"([^\"]*)\"").matcher(text);
        while (m.find()) {
            labels.put(m.group(1), m.group(2));
        }
        return labels;
    }
}
