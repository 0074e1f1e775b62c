package dev.stampboard.planning.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.SpringTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The plan workflow through the API: same rules and audit entries as the console. */
class PlansApiTest extends SpringTest {

    @Autowired
    TestRestTemplate rest;

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user + "-pw");
    }

    private String proposeAsAlice() {
        ResponseEntity<JsonNode> created =
                as("alice").postForEntity("/api/v1/plans", Map.of("region", "eastus"), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode plan = created.getBody();
        assertThat(plan.get("status").asText()).isEqualTo("DRAFT");
        assertThat(plan.get("moves").size() + plan.get("isolation").size()).isPositive();
        return plan.get("id").asText();
    }

    @Test
    void four_eyes_the_submitter_cannot_approve_another_engineer_can() {
        String id = proposeAsAlice();
        assertThat(as("alice")
                        .postForEntity("/api/v1/plans/" + id + "/submit", null, JsonNode.class)
                        .getBody()
                        .get("status")
                        .asText())
                .isEqualTo("PENDING_APPROVAL");

        ResponseEntity<JsonNode> own =
                as("alice").postForEntity("/api/v1/plans/" + id + "/approve", null, JsonNode.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(own.getBody().get("detail").asText()).contains("Four eyes");

        ResponseEntity<JsonNode> bob =
                as("bob").postForEntity("/api/v1/plans/" + id + "/approve", null, JsonNode.class);
        assertThat(bob.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bob.getBody().get("status").asText()).isEqualTo("APPROVED");
        assertThat(bob.getBody().get("decidedBy").asText()).isEqualTo("bob");

        JsonNode audit = as("dave").getForObject("/api/v1/audit?action=PLAN_APPROVED", JsonNode.class);
        assertThat(audit.findValuesAsText("subject")).contains(id);
        JsonNode history = as("dave").getForObject("/api/v1/plans/" + id + "/history", JsonNode.class);
        assertThat(history.findValuesAsText("to")).containsExactly("DRAFT", "PENDING_APPROVAL", "APPROVED");
        // the answer's shape: who acted is the plain user name, as it was before actors were typed
        assertThat(history.get(2).get("actor").isTextual()).isTrue();
        assertThat(history.findValuesAsText("actor")).containsExactly("alice", "alice", "bob");
    }

    @Test
    void viewers_and_support_cannot_propose_submit_or_approve() {
        assertThat(as("dave")
                        .postForEntity("/api/v1/plans", Map.of("region", "eastus"), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        String id = proposeAsAlice();
        assertThat(as("dave")
                        .postForEntity("/api/v1/plans/" + id + "/submit", null, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        as("alice").postForEntity("/api/v1/plans/" + id + "/submit", null, JsonNode.class);
        assertThat(as("carol")
                        .postForEntity("/api/v1/plans/" + id + "/approve", null, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("frank")
                        .getForEntity("/api/v1/plans/" + id, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void a_rejection_needs_a_reason_and_records_it() {
        String id = proposeAsAlice();
        as("alice").postForEntity("/api/v1/plans/" + id + "/submit", null, JsonNode.class);
        assertThat(as("bob")
                        .postForEntity("/api/v1/plans/" + id + "/reject", Map.of("reason", " "), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode rejected = as("bob")
                .postForEntity(
                        "/api/v1/plans/" + id + "/reject", Map.of("reason", "eus-s05 is being drained"), JsonNode.class)
                .getBody();
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("decisionReason").asText()).isEqualTo("eus-s05 is being drained");
    }

    @Test
    void unknown_region_or_plan_is_a_clear_problem() {
        ResponseEntity<JsonNode> region =
                as("alice").postForEntity("/api/v1/plans", Map.of("region", "atlantis"), JsonNode.class);
        assertThat(region.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(region.getBody().get("detail").asText()).contains("atlantis");
        assertThat(as("dave").getForEntity("/api/v1/plans/nope", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void the_seed_plan_relieves_stamp_a_and_explains_each_move() {
        String id = proposeAsAlice();
        JsonNode plan = as("dave").getForObject("/api/v1/plans/" + id, JsonNode.class);
        plan.get("moves").forEach(m -> {
            assertThat(m.get("explanation").asText()).isNotBlank();
            assertThat(m.get("from").asText()).isNotEqualTo(m.get("to").asText());
        });
        assertThat(plan.get("evidence").size()).isGreaterThanOrEqualTo(12);
        double aBefore = -1;
        double aAfter = -1;
        for (JsonNode p : plan.get("predictions")) {
            if (p.get("stamp").asText().equals("eus-s01")
                    && p.get("pool").asText().equals("DATAPROXY")) {
                aBefore = p.get("before").asDouble();
                aAfter = p.get("after").asDouble();
            }
        }
        assertThat(aBefore).isGreaterThan(90);
        assertThat(aAfter)
                .as("stamp A's dataproxy predicted at or below target")
                .isLessThanOrEqualTo(40.0);
        // registries no shared stamp can take are recommended for a dedicated stamp, and it says so (in the seed since
        // issue 12, A's own big tenants and the second hot stamp's biggest one)
        assertThat(plan.get("isolation").findValuesAsText("registry")).isNotEmpty();
        plan.get("isolation").forEach(i -> {
            assertThat(i.get("reason").asText()).contains("A dedicated stamp is recommended");
            assertThat(i.get("sizing").get("dataproxyNodes").asInt()).isPositive();
        });
        // a big registry that does move goes alone in phase 3 with a 48 h window
        plan.get("moves").forEach(m -> {
            if (m.get("registry").asText().equals("openmindinference.azurecr.io")) {
                assertThat(m.get("phase").asInt()).isEqualTo(3);
                assertThat(m.get("observationHours").asInt()).isEqualTo(48);
            }
        });
    }

    @Test
    void the_report_compares_before_now_and_the_prediction() {
        String id = proposeAsAlice();
        JsonNode plan = as("dave").getForObject("/api/v1/plans/" + id, JsonNode.class);
        JsonNode rows = as("dave")
                .getForObject("/api/v1/plans/" + id + "/report", JsonNode.class)
                .get("rows");
        assertThat(rows.size()).isEqualTo(plan.get("predictions").size()).isPositive();
        JsonNode stamps = as("dave").getForObject("/api/v1/stamps?region=eastus", JsonNode.class);
        for (JsonNode row : rows) {
            JsonNode pool = null;
            for (JsonNode p : dev.stampboard.Json.findByName(
                            stamps, row.get("stamp").asText())
                    .get("pools")) {
                if (p.get("pool").asText().equals(row.get("pool").asText())) {
                    pool = p;
                }
            }
            assertThat(row.get("after").asDouble())
                    .isCloseTo(pool.get("hotNodeP95").asDouble(), org.assertj.core.api.Assertions.within(1e-3));
            assertThat(row.get("changePp").asDouble())
                    .isCloseTo(
                            row.get("after").asDouble() - row.get("before").asDouble(),
                            org.assertj.core.api.Assertions.within(1e-9));
            assertThat(row.get("changePct").asDouble())
                    .isCloseTo(
                            row.get("changePp").asDouble() / row.get("before").asDouble() * 100,
                            org.assertj.core.api.Assertions.within(1e-9));
            assertThat(row.has("predicted")).isTrue();
        }
    }

    @Test
    void four_eyes_whoever_created_the_plan_cannot_approve_it_after_another_submitted_it() {
        String id = proposeAsAlice();
        assertThat(as("bob")
                        .postForEntity("/api/v1/plans/" + id + "/submit", null, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> alice =
                as("alice").postForEntity("/api/v1/plans/" + id + "/approve", null, JsonNode.class);
        assertThat(alice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(alice.getBody().get("detail").asText()).contains("Four eyes: alice created plan");
        assertThat(as("dave")
                        .getForObject("/api/v1/plans/" + id, JsonNode.class)
                        .get("status")
                        .asText())
                .isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void two_simultaneous_approvals_give_one_winner_and_a_409_that_names_it() throws Exception {
        String id = proposeAsAlice();
        as("alice").postForEntity("/api/v1/plans/" + id + "/submit", null, JsonNode.class);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<ResponseEntity<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    together.await();
                    return as("bob").postForEntity("/api/v1/plans/" + id + "/approve", null, String.class);
                }));
            }
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                ResponseEntity<String> res = answer.get();
                statuses.add(res.getStatusCode().value());
                if (res.getStatusCode() == HttpStatus.CONFLICT) {
                    assertThat(res.getHeaders().getContentType().toString()).startsWith("application/problem+json");
                    // whoever lost learns who won, and nothing about the server's insides
                    assertThat(res.getBody())
                            .containsAnyOf("approved by bob a moment ago", "while it is APPROVED")
                            .doesNotContain("Exception")
                            .doesNotContainIgnoringCase("sql")
                            .doesNotContain("dev.stampboard");
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(as("dave")
                        .getForObject("/api/v1/plans/" + id + "/history", JsonNode.class)
                        .findValuesAsText("to"))
                .containsExactly("DRAFT", "PENDING_APPROVAL", "APPROVED");
    }
}
