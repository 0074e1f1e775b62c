package dev.stampboard.signals.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.SpringTest;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.support.TestNames;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * {@code POST /api/v1/telemetry/registry-traffic}: every refused row with its index and reason, valid rows
 * stored and visible in the traffic share, a malformed body refused whole.
 */
class RegistryTrafficApiTest extends SpringTest {

    private static final TestNames NAMES = TestNames.of(RegistryTrafficApiTest.class);
    /** A second region of this class, where its registries have no replica. */
    private static final String OTHER_REGION = NAMES.prefix() + "-other-land";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FleetService fleet;

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user + "-pw");
    }

    private Instant now() {
        return Instant.parse(as("dave")
                .getForObject("/api/v1/simulator", JsonNode.class)
                .get("now")
                .asText());
    }

    private void put(String path, Object body) {
        ResponseEntity<JsonNode> res =
                as("alice").exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
        assertThat(res.getStatusCode()).as(String.valueOf(res.getBody())).isEqualTo(HttpStatus.OK);
    }

    private void stamp(String name, String region) {
        put(
                "/api/v1/stamps/" + name,
                Map.of(
                        "region",
                        region,
                        "pools",
                        List.of(
                                Map.of("pool", "REGISTRY", "nodes", List.of("rg-000")),
                                Map.of("pool", "DATAPROXY", "nodes", List.of("dp-000")))));
    }

    private static Map<String, Object> row(
            String registry,
            String region,
            String stamp,
            Instant minute,
            Object requests,
            Object bytes,
            Object throttled,
            Object errors,
            Object p99) {
        Map<String, Object> m = new HashMap<>();
        m.put("registry", registry);
        m.put("region", region);
        m.put("stamp", stamp);
        m.put("minute", minute.toString());
        m.put("requests", requests);
        m.put("bytes", bytes);
        m.put("throttled", throttled);
        m.put("errors", errors);
        m.put("p99Ms", p99);
        return m;
    }

    @Test
    void checks_every_row_against_the_inventory_and_who_served_whom_when() {
        stamp(NAMES.stamp(1), NAMES.region());
        stamp(NAMES.stamp(2), NAMES.region());
        stamp(NAMES.stamp(3), NAMES.region());
        stamp(NAMES.stamp(11), OTHER_REGION);
        put(
                "/api/v1/registries/" + NAMES.registry("one"),
                Map.of(
                        "customer",
                        NAMES.customer("customer"),
                        "replicas",
                        List.of(Map.of("region", NAMES.region(), "homeStamp", NAMES.stamp(1)))));
        put(
                "/api/v1/registries/" + NAMES.registry("two"),
                Map.of(
                        "customer",
                        NAMES.customer("customer"),
                        "replicas",
                        List.of(Map.of("region", NAMES.region(), "homeStamp", NAMES.stamp(1)))));
        // registry "one" moves s01 -> s02 -> s03 now: in the current minute s03 serves it and s02 still drains
        fleet.rehome(
                dev.stampboard.fleet.RegistryName.of(NAMES.registry("one")),
                dev.stampboard.fleet.RegionName.of(NAMES.region()),
                dev.stampboard.fleet.StampName.of(NAMES.stamp(2)),
                "test",
                dev.stampboard.base.Actor.SYSTEM);
        fleet.rehome(
                dev.stampboard.fleet.RegistryName.of(NAMES.registry("one")),
                dev.stampboard.fleet.RegionName.of(NAMES.region()),
                dev.stampboard.fleet.StampName.of(NAMES.stamp(3)),
                "test",
                dev.stampboard.base.Actor.SYSTEM);
        Instant now = now();
        Instant before = now.minusSeconds(600);

        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(NAMES.registry("two"), NAMES.region(), NAMES.stamp(1), before, 1000, 5000, 10, 5, 120.5)); // 0 ok
        rows.add(row(
                NAMES.registry("two"),
                NAMES.region(),
                NAMES.stamp(1),
                before.plusSeconds(60),
                3000,
                15000,
                0,
                0,
                80)); // 1 ok
        rows.add(row(
                NAMES.registry("one"),
                NAMES.region(),
                NAMES.stamp(1),
                before,
                1000,
                2000,
                0,
                0,
                90)); // 2 ok: its home then
        rows.add(row(NAMES.registry("one"), NAMES.region(), NAMES.stamp(3), now, 500, 700, 0, 0, 90)); // 3 ok: home now
        rows.add(row(
                NAMES.registry("one"),
                NAMES.region(),
                NAMES.stamp(2),
                now,
                100,
                100,
                0,
                0,
                90)); // 4 duplicate replica-minute
        rows.add(row("nobody.example.io", NAMES.region(), NAMES.stamp(1), before, 1, 1, 0, 0, 1)); // 5 unknown registry
        rows.add(row(NAMES.registry("two"), "atlantis", NAMES.stamp(1), before, 1, 1, 0, 0, 1)); // 6 unknown region
        rows.add(
                row(NAMES.registry("two"), OTHER_REGION, NAMES.stamp(11), before, 1, 1, 0, 0, 1)); // 7 no replica there
        rows.add(row(
                NAMES.registry("two"),
                NAMES.region(),
                NAMES.stamp(99),
                before.plusSeconds(120),
                1,
                1,
                0,
                0,
                1)); // 8 unknown stamp
        rows.add(row(
                NAMES.registry("one"),
                NAMES.region(),
                NAMES.stamp(2),
                before.plusSeconds(60),
                1,
                1,
                0,
                0,
                1)); // 9 not its home then
        rows.add(row(
                NAMES.registry("one"),
                NAMES.region(),
                NAMES.stamp(1),
                now.minusSeconds(0),
                1,
                1,
                0,
                0,
                1)); // 10 left two moves ago
        rows.add(row(
                NAMES.registry("two"),
                NAMES.region(),
                NAMES.stamp(1),
                before.plusSeconds(180),
                -1,
                1,
                0,
                0,
                1)); // 11 negative
        rows.add(row(
                NAMES.registry("two"),
                NAMES.region(),
                NAMES.stamp(1),
                before.plusSeconds(240),
                new BigDecimal("10.5"),
                1,
                0,
                0,
                1)); // 12 fraction
        rows.add(row(
                NAMES.registry("two"),
                NAMES.region(),
                NAMES.stamp(1),
                before.plusSeconds(300),
                10,
                1,
                11,
                0,
                1)); // 13 throttled > requests
        rows.add(row(
                NAMES.registry("two"),
                NAMES.region(),
                NAMES.stamp(1),
                before.plusSeconds(300),
                10,
                1,
                0,
                11,
                1)); // 14 errors > requests
        rows.add(row(
                NAMES.registry("two"),
                NAMES.region(),
                NAMES.stamp(1),
                before.plusSeconds(330),
                10,
                1,
                0,
                0,
                1)); // 15 not aligned
        rows.add(row(
                NAMES.registry("two"),
                NAMES.region(),
                NAMES.stamp(1),
                now.plusSeconds(120),
                10,
                1,
                0,
                0,
                1)); // 16 future
        rows.add(row(
                NAMES.registry("two"), NAMES.region(), NAMES.stamp(1), before, 7, 7, 0, 0, 7)); // 17 duplicate of row 0
        rows.add(null); // 18 null row

        ResponseEntity<JsonNode> res = as("collector")
                .postForEntity("/api/v1/telemetry/registry-traffic", Map.of("rows", rows), JsonNode.class);
        assertThat(res.getStatusCode()).as(String.valueOf(res.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(res.getBody().get("accepted").asInt()).isEqualTo(4);
        Map<Integer, String> reasons = new HashMap<>();
        res.getBody()
                .get("rejected")
                .forEach(
                        r -> reasons.put(r.get("index").asInt(), r.get("reason").asText()));
        assertThat(reasons).containsOnlyKeys(4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18);
        assertThat(reasons.get(4)).containsIgnoringCase("duplicate");
        assertThat(reasons.get(5))
                .contains("unknown registry 'nobody.example.io'")
                .contains("PUT /api/v1/registries/");
        assertThat(reasons.get(6)).contains("unknown region 'atlantis'");
        assertThat(reasons.get(7)).contains("has no replica in " + OTHER_REGION);
        assertThat(reasons.get(8)).contains("unknown stamp '" + NAMES.stamp(99) + "'");
        assertThat(reasons.get(9)).contains("did not serve").contains("home stamp then was " + NAMES.stamp(1));
        assertThat(reasons.get(10))
                .contains("did not serve")
                .contains(NAMES.stamp(3))
                .contains("draining from " + NAMES.stamp(2));
        assertThat(reasons.get(11)).contains("requests must not be negative");
        assertThat(reasons.get(12)).contains("requests must be a whole number");
        assertThat(reasons.get(13)).contains("cannot exceed requests");
        assertThat(reasons.get(14)).contains("cannot exceed requests");
        assertThat(reasons.get(15)).containsIgnoringCase("not aligned");
        assertThat(reasons.get(16)).containsIgnoringCase("future");
        assertThat(reasons.get(17)).containsIgnoringCase("duplicate").contains("first record is kept");
        assertThat(reasons.get(18)).contains("null");

        assertThat(jdbc.sql("select count(*) from registry_traffic_sample where registry like '%." + NAMES.prefix()
                                + ".example.io'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
        // the first of the duplicate rows is the one kept
        assertThat(jdbc.sql("select requests from registry_traffic_sample where registry = '" + NAMES.registry("two")
                                + "' and minute_at = ?")
                        .param(java.time.OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC))
                        .query(Long.class)
                        .single())
                .isEqualTo(1000L);

        // stamp 1's registry pool served 1000 + 3000 requests of "two" and 1000 of "one": shares 0.8 and 0.2
        JsonNode share = as("dave")
                .getForObject("/api/v1/stamps/" + NAMES.stamp(1) + "/traffic-share?pool=REGISTRY", JsonNode.class);
        assertThat(share.get("registries")).hasSize(2);
        assertThat(share.get("registries").get(0).get("registry").asText()).isEqualTo(NAMES.registry("two"));
        assertThat(share.get("registries").get(0).get("share").asDouble()).isEqualTo(0.8);
        assertThat(share.get("registries").get(0).get("requests").asLong()).isEqualTo(4000);
        assertThat(share.get("registries").get(1).get("share").asDouble()).isEqualTo(0.2);
    }

    @Test
    void malformed_body_is_a_problem_and_stores_nothing() {
        int before = jdbc.sql("select count(*) from registry_traffic_sample")
                .query(Integer.class)
                .single();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String typo = "{\"rows\":[{\"registry\":\"" + NAMES.registry("two") + "\",\"region\":\"" + NAMES.region()
                + "\",\"stamp\":\"" + NAMES.stamp(1) + "\"," + "\"minute\":\"" + now()
                + "\",\"requests\":\"many\",\"bytes\":1,\"p99Ms\":1}]}";
        for (String body : List.of(typo, "{\"rows\":[{\"registry\":", "{\"rows\":\"none\"}")) {
            ResponseEntity<JsonNode> res = as("alice")
                    .postForEntity(
                            "/api/v1/telemetry/registry-traffic", new HttpEntity<>(body, headers), JsonNode.class);
            assertThat(res.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(res.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        }
        ResponseEntity<JsonNode> noRows = as("alice")
                .postForEntity("/api/v1/telemetry/registry-traffic", Map.of("samples", List.of()), JsonNode.class);
        assertThat(noRows.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noRows.getBody().get("detail").asText()).contains("rows");
        assertThat(jdbc.sql("select count(*) from registry_traffic_sample")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void machine_accounts_may_feed_but_not_read_and_viewers_may_not_feed() {
        assertThat(as("dave")
                        .postForEntity("/api/v1/telemetry/registry-traffic", Map.of("rows", List.of()), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("carol")
                        .postForEntity("/api/v1/telemetry/node-cpu", Map.of("samples", List.of()), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("collector")
                        .postForEntity("/api/v1/telemetry/node-cpu", Map.of("samples", List.of()), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as("collector")
                        .getForEntity("/api/v1/stamps", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }
}
