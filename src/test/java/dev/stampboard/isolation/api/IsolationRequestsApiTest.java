package dev.stampboard.isolation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.SpringTest;
import java.util.LinkedHashMap;
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

/** The isolation-request API: DESIGN §11's shapes, the same rules and audit entries as the console. */
class IsolationRequestsApiTest extends SpringTest {

    @Autowired
    TestRestTemplate rest;

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user + "-pw");
    }

    private static Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", "openmind-ai");
        body.put("registries", List.of("openmindcheckpoints.azurecr.io"));
        body.put("expectedPeakQps", 20000);
        body.put("peakThroughputGbps", 40);
        body.put("dataVolumeTb", 300);
        body.put("justification", "Checkpoint writes of the new training cluster saturate the shared stamp");
        body.put("wantedBy", "2026-12-15");
        return body;
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return as(user).postForEntity("/api/v1/isolation-requests" + path, body, JsonNode.class);
    }

    @Test
    void filing_answers_the_design_shape_with_the_sizing() {
        ResponseEntity<JsonNode> created = post("carol", "", body());
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode r = created.getBody();
        assertThat(r.get("id").asText()).hasSize(36);
        assertThat(r.get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(r.at("/sizing/registryNodes").asInt()).isEqualTo(120);
        assertThat(r.at("/sizing/dataproxyNodes").asInt()).isEqualTo(20);
        assertThat(r.at("/sizing/storageAccounts").asInt()).isEqualTo(3);
        assertThat(r.get("region").asText()).isEqualTo("eastus");
        assertThat(r.get("wantedBy").asText()).isEqualTo("2026-12-15");

        JsonNode read = as("dave")
                .getForObject("/api/v1/isolation-requests/" + r.get("id").asText(), JsonNode.class);
        assertThat(read.get("requestedBy").asText()).isEqualTo("carol");
        JsonNode listed = as("dave").getForObject("/api/v1/isolation-requests?state=SUBMITTED", JsonNode.class);
        assertThat(listed.findValuesAsText("id")).contains(r.get("id").asText());
        assertThat(listed.findValuesAsText("state")).containsOnly("SUBMITTED");
    }

    @Test
    void the_customer_defaults_to_the_callers_own() {
        Map<String, Object> body = body();
        body.remove("customer");
        ResponseEntity<JsonNode> created = post("frank", "", body);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("customer").asText()).isEqualTo("openmind-ai");
        body.put("customer", "contoso");
        assertThat(post("frank", "", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void an_invalid_field_is_a_400_problem_naming_it() {
        Map<String, String> broken = Map.of(
                "expectedPeakQps", "expectedPeakQps: Expected peak QPS must be between 1 and 10,000,000 (got 0)",
                "peakThroughputGbps", "peakThroughputGbps: Enter the peak throughput",
                "dataVolumeTb", "dataVolumeTb: Enter the data volume",
                "justification", "justification: Say why",
                "wantedBy", "wantedBy: Enter the date",
                "registries", "registries: Choose at least one registry");
        broken.forEach((field, message) -> {
            Map<String, Object> body = body();
            if (field.equals("expectedPeakQps")) {
                body.put(field, 0);
            } else {
                body.remove(field);
            }
            ResponseEntity<JsonNode> answer = post("carol", "", body);
            assertThat(answer.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
            assertThat(answer.getBody().get("detail").asText()).as(field).startsWith(message);
        });
        Map<String, Object> body = body();
        body.put("wantedBy", "15/12/2026");
        ResponseEntity<JsonNode> unreadable = post("carol", "", body);
        assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unreadable.getBody().get("detail").asText())
                .startsWith("'wantedBy' must be a date or time in ISO-8601");
    }

    @Test
    void review_workflow_with_roles_four_eyes_and_audit() {
        String id = post("frank", "", body()).getBody().get("id").asText();
        assertThat(post("alice", "/" + id + "/review", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("frank", "/" + id + "/review", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("carol", "/" + id + "/review", null)
                        .getBody()
                        .get("state")
                        .asText())
                .isEqualTo("IN_REVIEW");

        ResponseEntity<JsonNode> noQuestion = post("carol", "/" + id + "/needs-info", Map.of());
        assertThat(noQuestion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noQuestion.getBody().get("detail").asText()).startsWith("question:");
        assertThat(post("carol", "/" + id + "/needs-info", Map.of("question", "Which regions?"))
                        .getBody()
                        .get("state")
                        .asText())
                .isEqualTo("NEEDS_INFO");
        assertThat(post("carol", "/" + id + "/approve", null).getStatusCode())
                .as("not in review")
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(post("frank", "/" + id + "/answer", Map.of("answer", "eastus only"))
                        .getBody()
                        .get("state")
                        .asText())
                .isEqualTo("IN_REVIEW");

        ResponseEntity<JsonNode> noReason = post("carol", "/" + id + "/reject", Map.of("reason", ""));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode rejected = post("carol", "/" + id + "/reject", Map.of("reason", "Rebalancing relieves the stamp"))
                .getBody();
        assertThat(rejected.get("state").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("decisionReason").asText()).isEqualTo("Rebalancing relieves the stamp");

        JsonNode history = as("frank").getForObject("/api/v1/isolation-requests/" + id + "/history", JsonNode.class);
        assertThat(history.findValuesAsText("to"))
                .containsExactly("SUBMITTED", "IN_REVIEW", "NEEDS_INFO", "IN_REVIEW", "REJECTED");
        // the answer's shape: who acted is the plain user name, as it was before actors were typed
        assertThat(history.get(0).get("actor").isTextual()).isTrue();
        assertThat(history.findValuesAsText("actor")).containsExactly("frank", "carol", "carol", "frank", "carol");
        JsonNode audit = as("dave").getForObject("/api/v1/audit?text=" + id, JsonNode.class);
        assertThat(audit.findValuesAsText("action"))
                .contains(
                        "ISOLATION_REQUESTED",
                        "ISOLATION_REVIEW_STARTED",
                        "ISOLATION_INFO_REQUESTED",
                        "ISOLATION_INFO_ANSWERED",
                        "ISOLATION_REJECTED");
    }

    @Test
    void a_customer_neither_lists_nor_reads_another_customers_request() {
        Map<String, Object> contoso = body();
        contoso.put("customer", "contoso");
        contoso.put("registries", List.of("contosodev.azurecr.io"));
        String id = post("carol", "", contoso).getBody().get("id").asText();
        JsonNode mine = as("frank").getForObject("/api/v1/isolation-requests", JsonNode.class);
        assertThat(mine.findValuesAsText("customer")).containsOnly("openmind-ai");
        ResponseEntity<JsonNode> other = as("frank")
                .exchange(
                        "/api/v1/isolation-requests/" + id,
                        HttpMethod.GET,
                        new HttpEntity<>(jsonHeaders()),
                        JsonNode.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity("/api/v1/isolation-requests", JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return headers;
    }
}
