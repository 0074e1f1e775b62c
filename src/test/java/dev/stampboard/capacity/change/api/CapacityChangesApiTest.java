package dev.stampboard.capacity.change.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.SpringTest;
import dev.stampboard.capacity.change.CapacityChangeExecutor;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 17 item 6 over HTTP: the workflow with its roles and four eyes, 400s for bad input, 409s for refused steps.
 * Nothing here is applied to the fleet (the unit phase keeps the seed as it is): the one started change is rolled
 * back before the executor resized anything, and every other one is rejected.
 */
class CapacityChangesApiTest extends SpringTest {

    private static final String URL = "/api/v1/capacity/changes";

    @Autowired
    TestRestTemplate http;

    @Autowired
    CapacityChangeExecutor executor;

    @Autowired
    FleetService fleet;

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user + "-pw");
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return as(user).postForEntity(path, body, JsonNode.class);
    }

    private ResponseEntity<JsonNode> postRaw(String user, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).postForEntity(URL, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private static Map<String, Object> proposal(int toInstances, int toMinimum) {
        return Map.of(
                "stamp",
                "eus-s07",
                "pool",
                "REGISTRY",
                "toInstances",
                toInstances,
                "toMinimum",
                toMinimum,
                "reason",
                "relieved: registry pool under 20 %");
    }

    @Test
    void propose_approve_start_and_roll_back_with_four_eyes_and_roles() {
        int nodesBefore = fleet.requireStamp("eus-s07").nodes(PoolKind.REGISTRY).size();
        assertThat(post("dave", URL, proposal(12, 10)).getStatusCode())
                .as("viewer")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("carol", URL, proposal(12, 10)).getStatusCode())
                .as("support")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity(URL, proposal(12, 10), JsonNode.class).getStatusCode())
                .as("anonymous")
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<JsonNode> proposed = post("alice", URL, proposal(12, 10));
        assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode change = proposed.getBody();
        String id = change.get("id").asText();
        assertThat(change.get("state").asText()).isEqualTo("PROPOSED");
        assertThat(change.get("fromInstances").asInt()).isEqualTo(nodesBefore);
        assertThat(change.get("toInstances").asInt()).isEqualTo(12);
        assertThat(change.get("toMinimum").asInt()).isEqualTo(10);
        assertThat(change.get("proposedBy").asText()).isEqualTo("alice");
        assertThat(change.get("origin").asText()).isEqualTo("ENGINEER");
        assertThat(change.get("predictedP95").isNumber())
                .as("a prediction at the new size")
                .isTrue();
        assertThat(change.get("predictedP95").asDouble())
                .as("the same load over fewer nodes reads hotter")
                .isGreaterThan(change.get("beforeP95").asDouble());

        assertThat(post("alice", URL, proposal(11, 10)).getStatusCode())
                .as("one open change per pool")
                .isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> own = post("alice", URL + "/" + id + "/approve", Map.of());
        assertThat(own.getStatusCode()).as("four eyes").isEqualTo(HttpStatus.CONFLICT);
        assertThat(own.getBody().get("detail").asText()).contains("another engineer must approve it");
        assertThat(post("bob", URL + "/" + id + "/start", Map.of()).getStatusCode())
                .as("not approved yet")
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(post("carol", URL + "/" + id + "/approve", Map.of()).getStatusCode())
                .as("support may not approve capacity")
                .isEqualTo(HttpStatus.FORBIDDEN);

        JsonNode approved = post("bob", URL + "/" + id + "/approve", Map.of()).getBody();
        assertThat(approved.get("state").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("decidedBy").asText()).isEqualTo("bob");
        assertThat(post("dave", URL + "/" + id + "/start", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode started = post("alice", URL + "/" + id + "/start", Map.of()).getBody();
        assertThat(started.get("state").asText()).isEqualTo("APPLYING");
        assertThat(started.get("startedBy").asText()).isEqualTo("alice");
        assertThat(started.get("steps").findValuesAsText("step")).containsExactly("START");

        assertThat(post("bob", URL + "/" + id + "/rollback", Map.of()).getStatusCode())
                .as("a rollback needs a reason")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode rolling = post("bob", URL + "/" + id + "/rollback", Map.of("reason", "change freeze"))
                .getBody();
        assertThat(rolling.get("state").asText()).isEqualTo("REVERTING");
        executor.runOnce(id);
        JsonNode read = as("dave").getForEntity(URL + "/" + id, JsonNode.class).getBody();
        assertThat(read.get("state").asText()).isEqualTo("REVERTED");
        assertThat(read.get("revertReason").asText()).isEqualTo("Rolled back by bob: change freeze");
        assertThat(read.get("steps").findValuesAsText("step")).containsExactly("START", "ROLLBACK", "REVERTED");
        assertThat(fleet.requireStamp("eus-s07").nodes(PoolKind.REGISTRY))
                .as("never applied, so nothing to give back")
                .hasSize(nodesBefore);
        assertThat(post("bob", URL + "/" + id + "/rollback", Map.of("reason", "again"))
                        .getStatusCode())
                .as("reverted is final")
                .isEqualTo(HttpStatus.CONFLICT);

        List<String> actions = as("dave")
                .getForEntity("/api/v1/audit?limit=5000", JsonNode.class)
                .getBody()
                .findParents("subject")
                .stream()
                .filter(e -> e.get("subject").asText().equals(id))
                .map(e -> e.get("action").asText())
                .toList();
        assertThat(actions)
                .containsExactlyInAnyOrder(
                        "CAPACITY_CHANGE_PROPOSED",
                        "CAPACITY_CHANGE_APPROVED",
                        "CAPACITY_CHANGE_STARTED",
                        "CAPACITY_CHANGE_REVERT_STARTED",
                        "CAPACITY_CHANGE_REVERTED");
        assertThat(as("frank").getForEntity(URL + "/" + id, JsonNode.class).getStatusCode())
                .as("customers do not read capacity")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void a_rejection_needs_a_reason_and_ends_the_proposal() {
        String id = post(
                        "alice",
                        URL,
                        Map.of("stamp", "eus-s06", "pool", "DATAPROXY", "toInstances", 15, "reason", "quiet weekend"))
                .getBody()
                .get("id")
                .asText();
        assertThat(post("bob", URL + "/" + id + "/reject", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode rejected = post("bob", URL + "/" + id + "/reject", Map.of("reason", "peak season"))
                .getBody();
        assertThat(rejected.get("state").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("toMinimum").asInt())
                .as("the minimum defaults to the count")
                .isEqualTo(15);
        assertThat(rejected.get("decisionReason").asText()).isEqualTo("peak season");
        assertThat(post("bob", URL + "/" + id + "/approve", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(as("dave")
                        .getForEntity(URL + "/no-such-change", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void bad_input_answers_400_naming_the_field_and_stores_nothing() {
        int before = as("dave").getForEntity(URL, JsonNode.class).getBody().size();
        Map<String, String> cases = Map.of(
                "{\"pool\":\"REGISTRY\",\"toInstances\":5,\"reason\":\"r\"}", "stamp",
                "{\"stamp\":\"eus-s99\",\"pool\":\"REGISTRY\",\"toInstances\":5,\"reason\":\"r\"}", "stamp",
                "{\"stamp\":\"eus-s05\",\"pool\":\"NETWORK\",\"toInstances\":5,\"reason\":\"r\"}", "pool",
                "{\"stamp\":\"eus-s05\",\"pool\":\"REGISTRY\",\"reason\":\"r\"}", "toInstances",
                "{\"stamp\":\"eus-s05\",\"pool\":\"REGISTRY\",\"toInstances\":0,\"reason\":\"r\"}", "toInstances",
                "{\"stamp\":\"eus-s05\",\"pool\":\"REGISTRY\",\"toInstances\":\"5\",\"reason\":\"r\"}", "toInstances",
                "{\"stamp\":\"eus-s05\",\"pool\":\"REGISTRY\",\"toInstances\":5,\"toMinimum\":6,\"reason\":\"r\"}",
                        "toMinimum",
                "{\"stamp\":\"eus-s05\",\"pool\":\"REGISTRY\",\"toInstances\":5,\"reason\":\" \"}", "reason",
                "{\"stamp\":\"eus-s05\",\"pool\":\"REGISTRY\",\"toInstances\":5,\"reason\":\"r\",\"predictedP95\":140}",
                        "predictedP95",
                "{\"stamp\":\"eus-s05\",\"pool\":\"REGISTRY\",\"toInstances\":10,\"toMinimum\":6,\"reason\":\"r\"}",
                        "no change");
        cases.forEach((json, field) -> {
            ResponseEntity<JsonNode> answer = postRaw("alice", json);
            assertThat(answer.getStatusCode()).as(json).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().get("detail").asText()).as(json).contains(field);
        });
        assertThat(postRaw("alice", "").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("dave").getForEntity(URL, JsonNode.class).getBody().size())
                .isEqualTo(before);
    }
}
