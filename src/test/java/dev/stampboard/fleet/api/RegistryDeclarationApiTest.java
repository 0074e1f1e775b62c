package dev.stampboard.fleet.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.SpringTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code PUT /api/v1/registries/{name}}: declare, add a replica, never move one silently. */
class RegistryDeclarationApiTest extends SpringTest {

    @Autowired
    TestRestTemplate rest;

    private ResponseEntity<JsonNode> put(String user, String path, Object body) {
        return rest.withBasicAuth(user, user + "-pw")
                .exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }

    private void stamp(String name, String region) {
        assertThat(put(
                                "alice",
                                "/api/v1/stamps/" + name,
                                Map.of(
                                        "region",
                                        region,
                                        "pools",
                                        List.of(Map.of("pool", "REGISTRY", "nodes", List.of("rg-000")))))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private static Map<String, Object> declaration(String customer, String... regionAndStamp) {
        List<Map<String, String>> replicas = new java.util.ArrayList<>();
        for (int i = 0; i < regionAndStamp.length; i += 2) {
            replicas.add(Map.of("region", regionAndStamp[i], "homeStamp", regionAndStamp[i + 1]));
        }
        return Map.of("customer", customer, "replicas", replicas);
    }

    private static Map<String, Object> named(String name, String customer, String region, String stamp) {
        return Map.of(
                "name", name, "customer", customer, "replicas", List.of(Map.of("region", region, "homeStamp", stamp)));
    }

    @Test
    void a_batch_declares_every_registry_or_none() {
        stamp("rb-a01", "rb-north");
        stamp("rb-a02", "rb-north");
        ResponseEntity<JsonNode> refused = put(
                "collector",
                "/api/v1/registries",
                Map.of(
                        "registries",
                        List.of(
                                named("rb-1.example.io", "rb-customer", "rb-north", "rb-a01"),
                                named("rb-2.example.io", "rb-customer", "rb-north", "rb-nowhere"))));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("detail").asText())
                .contains("registries[1] (rb-2.example.io)")
                .contains("Unknown home stamp 'rb-nowhere'");
        assertThat(rest.withBasicAuth("dave", "dave-pw")
                        .getForEntity("/api/v1/registries/rb-1.example.io", JsonNode.class)
                        .getStatusCode())
                .as("nothing of a refused batch is stored")
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> declared = put(
                "collector",
                "/api/v1/registries",
                Map.of(
                        "registries",
                        List.of(
                                named("rb-1.example.io", "rb-customer", "rb-north", "rb-a01"),
                                named("rb-2.example.io", "rb-customer", "rb-north", "rb-a02"),
                                named("rb-3.example.io", "rb-other", "rb-north", "rb-a01"))));
        assertThat(declared.getStatusCode())
                .as(String.valueOf(declared.getBody()))
                .isEqualTo(HttpStatus.OK);
        assertThat(declared.getBody().get("declared").asInt()).isEqualTo(3);
        JsonNode two = rest.withBasicAuth("dave", "dave-pw")
                .getForObject("/api/v1/registries/rb-2.example.io", JsonNode.class);
        assertThat(two.get("replicas").get(0).get("homeStamp").asText()).isEqualTo("rb-a02");

        // the same rules as one by one: a batch cannot move a replica either
        ResponseEntity<JsonNode> moved = put(
                "alice",
                "/api/v1/registries",
                Map.of("registries", List.of(named("rb-3.example.io", "rb-other", "rb-north", "rb-a02"))));
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(moved.getBody().get("detail").asText()).contains("served by rb-a01");
        assertThat(put("dave", "/api/v1/registries", Map.of("registries", List.of()))
                        .getStatusCode())
                .as("a viewer declares nothing")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void declares_adds_replicas_and_refuses_to_move_one() {
        stamp("rd-a01", "rd-north");
        stamp("rd-a02", "rd-north");
        stamp("rd-b01", "rd-south");
        String path = "/api/v1/registries/rd.example.io";

        ResponseEntity<JsonNode> created = put("collector", path, declaration("rd-customer", "rd-north", "rd-a01"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(created.getBody().get("customer").asText()).isEqualTo("rd-customer");
        assertThat(created.getBody().get("replicas")).hasSize(1);

        // same declaration again: nothing changes; a second region is added
        assertThat(put("alice", path, declaration("rd-customer", "rd-north", "rd-a01"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> added =
                put("alice", path, declaration("rd-customer", "rd-north", "rd-a01", "rd-south", "rd-b01"));
        assertThat(added.getBody().get("replicas")).hasSize(2);

        ResponseEntity<JsonNode> moved = put("alice", path, declaration("rd-customer", "rd-north", "rd-a02"));
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(moved.getBody().get("detail").asText())
                .contains("served by rd-a01")
                .contains("POST /api/v1/plans");

        JsonNode read = rest.withBasicAuth("dave", "dave-pw").getForObject(path, JsonNode.class);
        assertThat(read.get("replicas").get(0).get("homeStamp").asText()).isEqualTo("rd-a01");
        assertThat(read.get("replicas").get(1).get("homeStamp").asText()).isEqualTo("rd-b01");
    }

    @Test
    void refuses_unknown_or_foreign_stamps_and_viewers() {
        stamp("rd-c01", "rd-east");
        String path = "/api/v1/registries/rd-bad.example.io";
        assertThat(put("alice", path, declaration("rd-customer", "rd-east", "rd-zz9"))
                        .getBody()
                        .get("detail")
                        .asText())
                .contains("Unknown home stamp 'rd-zz9'");
        assertThat(put("alice", path, declaration("rd-customer", "rd-west", "rd-c01"))
                        .getBody()
                        .get("detail")
                        .asText())
                .contains("is in region rd-east");
        assertThat(put("alice", path, declaration("rd-customer", "rd-east", "rd-c01", "rd-east", "rd-c01"))
                        .getBody()
                        .get("detail")
                        .asText())
                .contains("listed twice");
        assertThat(put("alice", path, Map.of("replicas", List.of()))
                        .getBody()
                        .get("detail")
                        .asText())
                .contains("customer");
        assertThat(put("dave", path, declaration("rd-customer", "rd-east", "rd-c01"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("dave", "dave-pw")
                        .getForEntity(path, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
