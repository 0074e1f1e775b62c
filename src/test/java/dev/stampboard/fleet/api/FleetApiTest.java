package dev.stampboard.fleet.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.SpringTest;
import dev.stampboard.support.TestNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class FleetApiTest extends SpringTest {

    private static final TestNames NAMES = TestNames.of(FleetApiTest.class);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user + "-pw");
    }

    @Test
    void regions_of_the_seed_scenario() {
        List<String> regions = as("dave")
                .exchange(
                        "/api/v1/regions",
                        HttpMethod.GET,
                        null,
                        new org.springframework.core.ParameterizedTypeReference<List<String>>() {})
                .getBody();
        assertThat(regions).contains("eastus", "westeurope");
    }

    @Test
    void seed_stamps_carry_both_pools_with_state() {
        JsonNode stamps = as("dave").getForObject("/api/v1/stamps?region=eastus", JsonNode.class);
        assertThat(stamps.size()).isGreaterThanOrEqualTo(5);
        JsonNode a = dev.stampboard.Json.findByName(stamps, "eus-s01");
        assertThat(a.get("kind").asText()).isEqualTo("SHARED");
        assertThat(a.get("status").asText()).isEqualTo("ACTIVE");
        JsonNode dp = a.get("pools").get(1);
        assertThat(dp.get("pool").asText()).isEqualTo("DATAPROXY");
        assertThat(dp.get("hotNodeP95").asDouble()).isBetween(94.0, 98.0);
        assertThat(dp.get("state").asText()).isEqualTo("HOT");
    }

    @Test
    void put_adds_nodes_and_keeps_the_existing_ones() {
        put("hx-put", List.of("rg-000"), 200);
        JsonNode second = put("hx-put", List.of("rg-001"), 200);
        assertThat(second.get("pools").get(0).get("nodes")).hasSize(2);
    }

    @Test
    void put_refuses_a_region_change_and_bad_names() {
        put("hx-move", List.of("rg-000"), 200);
        var body =
                Map.of("region", "elsewhere", "pools", List.of(Map.of("pool", "REGISTRY", "nodes", List.of("rg-000"))));
        ResponseEntity<JsonNode> res =
                as("alice").exchange("/api/v1/stamps/hx-move", HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
        assertThat(res.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(res.getBody().get("detail").asText()).contains("cannot change region");

        ResponseEntity<JsonNode> bad = as("alice")
                .exchange(
                        "/api/v1/stamps/Bad_Name",
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("region", NAMES.region(), "pools", List.of())),
                        JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("detail").asText()).contains("lower-case");
    }

    @Test
    void a_customer_sees_only_its_own_registries() {
        JsonNode mine = as("frank").getForObject("/api/v1/registries", JsonNode.class);
        assertThat(mine.size()).isEqualTo(40);
        mine.forEach(r -> assertThat(r.get("customer").asText()).isEqualTo("openmind-ai"));
        JsonNode all = as("dave").getForObject("/api/v1/registries", JsonNode.class);
        assertThat(all.size()).isGreaterThan(40);
        String someoneElses = null;
        for (JsonNode r : all) {
            if (!r.get("customer").asText().equals("openmind-ai")) {
                someoneElses = r.get("name").asText();
                break;
            }
        }
        assertThat(as("frank")
                        .getForEntity("/api/v1/registries/" + someoneElses, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode one = as("dave").getForObject("/api/v1/registries/" + someoneElses, JsonNode.class);
        assertThat(one.get("replicas").get(0).get("homeStamp").asText()).isNotBlank();
    }

    @Test
    void a_stamp_drains_and_retires_only_through_the_guarded_steps() {
        put("hx-retire", List.of("rg-000"), 200);
        put("hx-homed", List.of("rg-000"), 200);
        ResponseEntity<JsonNode> registry = as("alice")
                .exchange(
                        "/api/v1/registries/" + NAMES.registry("homed.example.io"),
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of(
                                "customer",
                                NAMES.customer("retiring"),
                                "replicas",
                                List.of(Map.of("region", NAMES.region(), "homeStamp", "hx-homed")))),
                        JsonNode.class);
        assertThat(registry.getStatusCode().is2xxSuccessful()).isTrue();

        assertThat(step("alice", "hx-retire", "retire").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(step("alice", "hx-retire", "retire").getBody().get("detail").asText())
                .isEqualTo("Cannot retire stamp hx-retire while it is ACTIVE");
        assertThat(step("erin", "hx-retire", "drain").getStatusCode())
                .as("the admin's are settings and users, not the inventory")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(step("alice", "hx-nowhere", "drain").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> drained = step("alice", "hx-retire", "drain");
        assertThat(drained.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(drained.getBody().get("status").asText()).isEqualTo("DRAINING");
        assertThat(step("alice", "hx-retire", "drain").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> retired = step("bob", "hx-retire", "retire");
        assertThat(retired.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retired.getBody().get("status").asText()).isEqualTo("RETIRED");
        assertThat(step("alice", "hx-retire", "drain").getBody().get("detail").asText())
                .isEqualTo("Cannot start draining stamp hx-retire while it is RETIRED");

        // a stamp that still homes a replica drains, but does not retire until it is moved off
        assertThat(step("alice", "hx-homed", "drain").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> refused = step("alice", "hx-homed", "retire");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("detail").asText())
                .contains("1 registry replica(s)", NAMES.registry("homed.example.io"));

        // each step in the stamp-state history (the simulator's minutes on every instance) and in the audit log
        assertThat(jdbc.sql("select status from stamp_state_change where stamp = ? order by id")
                        .param("hx-retire")
                        .query(String.class)
                        .list())
                .containsExactly("ACTIVE", "DRAINING", "RETIRED");
        assertThat(jdbc.sql("select status from stamp_state_change where stamp = ? order by id")
                        .param("hx-homed")
                        .query(String.class)
                        .list())
                .containsExactly("ACTIVE", "DRAINING");
        assertThat(jdbc.sql("select actor || ' ' || action || ' ' || detail from audit_event where subject = ?"
                                + " and action like 'STAMP_%' order by id")
                        .param("hx-retire")
                        .query(String.class)
                        .list())
                .containsSubsequence(
                        "alice STAMP_DRAINING status DRAINING: capacity moves to s02",
                        "bob STAMP_RETIRED status RETIRED: capacity moves to s02");
    }

    private ResponseEntity<JsonNode> step(String user, String stamp, String step) {
        return as(user).exchange(
                        "/api/v1/stamps/" + stamp + "/" + step,
                        HttpMethod.POST,
                        new HttpEntity<>(Map.of("reason", "capacity moves to s02")),
                        JsonNode.class);
    }

    private JsonNode put(String stamp, List<String> registryNodes, int status) {
        var body = Map.of(
                "region",
                NAMES.region(),
                "pools",
                List.of(Map.of("pool", "REGISTRY", "nodes", new ArrayList<>(registryNodes))));
        ResponseEntity<JsonNode> res =
                as("alice").exchange("/api/v1/stamps/" + stamp, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
        assertThat(res.getStatusCode().value()).isEqualTo(status);
        return res.getBody();
    }
}
