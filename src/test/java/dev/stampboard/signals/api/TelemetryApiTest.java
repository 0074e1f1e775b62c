package dev.stampboard.signals.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.SpringTest;
import dev.stampboard.support.TestNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Ingest through the API, read back, and compare with a P95 computed here from the samples sent. */
class TelemetryApiTest extends SpringTest {

    /** Its own region (it shared FleetApiTest's test region before: one region's stamp list and settings). */
    private static final String REGION = TestNames.of(TelemetryApiTest.class).region();

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcClient jdbc;

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user + "-pw");
    }

    private Instant now() {
        return Instant.parse(as("dave")
                .getForObject("/api/v1/simulator", JsonNode.class)
                .get("now")
                .asText());
    }

    private void declare(String stamp, int nodes) {
        List<String> rg = new ArrayList<>();
        List<String> dp = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            rg.add(String.format("rg-%03d", i));
            dp.add(String.format("dp-%03d", i));
        }
        var body = Map.of(
                "region",
                REGION,
                "kind",
                "SHARED",
                "pools",
                List.of(Map.of("pool", "REGISTRY", "nodes", rg), Map.of("pool", "DATAPROXY", "nodes", dp)));
        ResponseEntity<JsonNode> res =
                as("alice").exchange("/api/v1/stamps/" + stamp, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
        assertThat(res.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static Map<String, Object> sample(String stamp, String pool, String node, Instant minute, Object cpu) {
        Map<String, Object> m = new HashMap<>();
        m.put("stamp", stamp);
        m.put("pool", pool);
        m.put("node", node);
        m.put("minute", minute.toString());
        m.put("cpu", cpu);
        return m;
    }

    @Test
    void stores_valid_samples_reports_each_bad_one_and_reads_back_the_exact_p95() {
        declare("hx-s01", 3);
        Instant now = now();
        // 30 minutes, 3 nodes, values chosen so every minute's maximum is known by construction
        List<Map<String, Object>> samples = new ArrayList<>();
        double[][] cpu = new double[30][3];
        for (int m = 0; m < 30; m++) {
            for (int n = 0; n < 3; n++) {
                cpu[m][n] = Math.round((10 + (m * 7 + n * 13) % 80 + n * 0.25) * 4) / 4.0;
                samples.add(sample(
                        "hx-s01",
                        "DATAPROXY",
                        String.format("dp-%03d", n),
                        now.minusSeconds(60L * (29 - m)),
                        cpu[m][n]));
            }
        }
        int valid = samples.size();
        samples.add(sample("hx-s01", "DATAPROXY", "dp-000", now.minusSeconds(60L * 40), -1)); // below 0
        samples.add(sample("hx-s01", "DATAPROXY", "dp-000", now.minusSeconds(60L * 41), 100.5)); // above 100
        samples.add(sample("nope-s99", "DATAPROXY", "dp-000", now.minusSeconds(60L * 42), 50)); // unknown stamp
        samples.add(sample("hx-s01", "GPU", "dp-000", now.minusSeconds(60L * 43), 50)); // unknown pool
        samples.add(sample("hx-s01", "DATAPROXY", "dp-999", now.minusSeconds(60L * 44), 50)); // unknown node
        samples.add(sample("hx-s01", "DATAPROXY", "dp-000", now.minusSeconds(60L * 45 + 30), 50)); // not aligned
        samples.add(sample("hx-s01", "DATAPROXY", "dp-000", now.plusSeconds(60L * 5), 50)); // future
        samples.add(sample("hx-s01", "DATAPROXY", "dp-000", now.minusSeconds(60L * 29), 99.0)); // duplicate
        samples.add(sample(
                "hx-s01",
                "DATAPROXY",
                "dp-000",
                now.minusSeconds(3600L * 24 * 4),
                50)); // older than any window (other tests may lengthen retention)
        samples.add(sample("hx-s01", "DATAPROXY", "dp-000", now.minusSeconds(60L * 46), null)); // missing cpu
        samples.add(sample(
                "hx-s01",
                "DATAPROXY",
                "dp-000",
                now.minusSeconds(60L * 47),
                new java.math.BigDecimal("1e400"))); // not finite as a double

        ResponseEntity<JsonNode> res =
                as("alice").postForEntity("/api/v1/telemetry/node-cpu", Map.of("samples", samples), JsonNode.class);
        assertThat(res.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(res.getBody().get("accepted").asInt()).isEqualTo(valid);
        List<String> reasons = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        res.getBody().get("rejected").forEach(r -> {
            indexes.add(r.get("index").asInt());
            reasons.add(r.get("reason").asText());
        });
        assertThat(indexes)
                .containsExactly(
                        valid,
                        valid + 1,
                        valid + 2,
                        valid + 3,
                        valid + 4,
                        valid + 5,
                        valid + 6,
                        valid + 7,
                        valid + 8,
                        valid + 9,
                        valid + 10);
        assertThat(reasons.get(0)).contains("between 0 and 100");
        assertThat(reasons.get(1)).contains("between 0 and 100");
        assertThat(reasons.get(2)).containsIgnoringCase("unknown stamp");
        assertThat(reasons.get(3)).containsIgnoringCase("unknown pool");
        assertThat(reasons.get(4)).containsIgnoringCase("unknown node");
        assertThat(reasons.get(5)).containsIgnoringCase("not aligned");
        assertThat(reasons.get(6)).containsIgnoringCase("future");
        assertThat(reasons.get(7)).containsIgnoringCase("duplicate");
        assertThat(reasons.get(8)).containsIgnoringCase("older");
        assertThat(reasons.get(9)).containsIgnoringCase("cpu is missing");
        assertThat(reasons.get(10)).containsIgnoringCase("finite");

        // independent computation: max per minute, nearest rank ceil(0.95 n)
        double[] hot = Arrays.stream(cpu)
                .mapToDouble(row -> Arrays.stream(row).max().orElseThrow())
                .sorted()
                .toArray();
        double expectedP95 = hot[(int) Math.ceil(0.95 * hot.length) - 1];

        JsonNode series = as("dave").getForObject("/api/v1/stamps/hx-s01/pools/DATAPROXY/hot-node", JsonNode.class);
        assertThat(series.get("p95").asDouble()).isEqualTo(expectedP95);
        assertThat(series.get("minutes")).hasSize(30);
        assertThat(series.get("values").get(0).asDouble())
                .isEqualTo(Arrays.stream(cpu[0]).max().orElseThrow());

        JsonNode stamps = as("dave").getForObject("/api/v1/stamps?region=" + REGION, JsonNode.class);
        JsonNode hx = dev.stampboard.Json.findByName(stamps, "hx-s01");
        JsonNode dp = hx.get("pools").get(1);
        assertThat(dp.get("pool").asText()).isEqualTo("DATAPROXY");
        assertThat(dp.get("hotNodeP95").asDouble()).isEqualTo(expectedP95);
        assertThat(dp.get("nodes").asInt()).isEqualTo(3);
        assertThat(dp.get("threshold").asDouble()).isEqualTo(45.0);
        assertThat(dp.get("state").asText()).isEqualTo(expectedP95 > 45 ? "HOT" : expectedP95 >= 40 ? "WARN" : "OK");
        assertThat(hx.get("pools").get(0).get("state").asText()).isEqualTo("NO_DATA");

        assertThat(jdbc.sql("select count(*) from node_cpu_sample where stamp = 'hx-s01'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(valid);
    }

    @Test
    void malformed_body_is_a_problem_and_stores_nothing() {
        declare("hx-s02", 1);
        int before = jdbc.sql("select count(*) from node_cpu_sample")
                .query(Integer.class)
                .single();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String broken = "{\"samples\":[{\"stamp\":\"hx-s02\",\"pool\":\"REGISTRY\",\"node\":\"rg-000\",\"minute\":\""
                + now() + "\",\"cpu\":50},{\"stamp\":";
        ResponseEntity<JsonNode> res = as("alice")
                .postForEntity("/api/v1/telemetry/node-cpu", new HttpEntity<>(broken, headers), JsonNode.class);
        assertThat(res.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(res.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(res.getBody().get("detail").asText()).contains("nothing was stored");
        assertThat(jdbc.sql("select count(*) from node_cpu_sample")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
        JsonNode series = as("dave").getForObject("/api/v1/stamps/hx-s02/pools/REGISTRY/hot-node", JsonNode.class);
        assertThat(series.get("minutes")).isEmpty();
    }

    @Test
    void body_without_samples_is_a_problem() {
        ResponseEntity<JsonNode> res =
                as("alice").postForEntity("/api/v1/telemetry/node-cpu", Map.of("rows", List.of()), JsonNode.class);
        assertThat(res.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(res.getBody().get("detail").asText()).contains("samples");
    }

    @Test
    void a_viewer_may_read_but_not_ingest() {
        ResponseEntity<JsonNode> res =
                as("dave").postForEntity("/api/v1/telemetry/node-cpu", Map.of("samples", List.of()), JsonNode.class);
        assertThat(res.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void no_credentials_no_data() {
        ResponseEntity<JsonNode> res = rest.getForEntity("/api/v1/stamps", JsonNode.class);
        assertThat(res.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(res.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }
}
