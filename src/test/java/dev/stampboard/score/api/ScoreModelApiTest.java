package dev.stampboard.score.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.score.ScoreModelService;
import dev.stampboard.simulator.SimulatorService;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Issue 16's API: training (inactive), activation, pinning, the card, scores on the stamp rows, and the roles. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScoreModelApiTest extends SpringTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ScoreModelService scores;

    @Autowired
    SimulatorService simulator;

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user + "-pw");
    }

    @Test
    @Order(1)
    void only_admins_train_activate_and_pin() {
        for (String user : new String[] {"dave", "alice", "carol", "collector"}) {
            assertThat(as(user).postForEntity("/api/v1/score-model/train", null, JsonNode.class)
                            .getStatusCode())
                    .as(user + " trains")
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(user).postForEntity("/api/v1/score-model/1/activate", null, JsonNode.class)
                            .getStatusCode())
                    .as(user + " activates")
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(user).exchange(
                                    "/api/v1/score-model/1/weights",
                                    HttpMethod.PUT,
                                    new HttpEntity<>(Map.of("weights", Map.of("errors", 1.0))),
                                    JsonNode.class)
                            .getStatusCode())
                    .as(user + " pins")
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(rest.getForEntity("/api/v1/score-model", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @Order(2)
    void an_admin_trains_an_inactive_version_and_activates_it_audited() {
        ResponseEntity<JsonNode> trained = as("erin").postForEntity("/api/v1/score-model/train", null, JsonNode.class);
        assertThat(trained.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode card = trained.getBody();
        int version = card.get("version").asInt();
        assertThat(card.get("status").asText()).isEqualTo("INACTIVE");
        assertThat(card.get("trainedBy").asText()).isEqualTo("erin");
        assertThat(card.get("features").findValuesAsText("name"))
                .containsExactly(
                        "p95_registry",
                        "p95_dataproxy",
                        "hot_slope",
                        "headroom",
                        "throttling",
                        "errors",
                        "p99_vs_baseline",
                        "reactive_minutes",
                        "top_customer_share",
                        "growth");
        assertThat(card.at("/training/rows").asLong()).isPositive();
        assertThat(card.at("/evaluation/baseline").has("auc")).isTrue();
        assertThat(card.at("/evaluation").has("leadTimeMinutes")).isTrue();

        ResponseEntity<JsonNode> activated =
                as("erin").postForEntity("/api/v1/score-model/" + version + "/activate", null, JsonNode.class);
        assertThat(activated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(activated.getBody().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(activated.getBody().get("activatedBy").asText()).isEqualTo("erin");
        assertThat(as("dave")
                        .getForObject("/api/v1/score-model", JsonNode.class)
                        .get("version")
                        .asInt())
                .isEqualTo(version);
        // activating the active version again is refused with a reason
        assertThat(as("erin")
                        .postForEntity("/api/v1/score-model/" + version + "/activate", null, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        JsonNode trainedEntries =
                as("erin").getForObject("/api/v1/audit?action=SCORE_MODEL_TRAINED&actor=erin", JsonNode.class);
        assertThat(trainedEntries.toString()).contains("score-model/" + version);
        JsonNode activatedEntries =
                as("erin").getForObject("/api/v1/audit?action=SCORE_MODEL_ACTIVATED&actor=erin", JsonNode.class);
        assertThat(activatedEntries.toString()).contains("score-model/" + version);
    }

    @Test
    @Order(3)
    void stamp_rows_carry_the_score_and_a_breakdown_that_adds_up_to_its_logit() {
        simulator.advance(2, Actor.SYSTEM);
        JsonNode rows = as("dave").getForObject("/api/v1/stamps?region=eastus", JsonNode.class);
        JsonNode card = as("dave").getForObject("/api/v1/score-model", JsonNode.class);
        double intercept = card.get("intercept").asDouble();
        assertThat(rows.size()).isPositive();
        for (JsonNode row : rows) {
            double score = row.get("score").asDouble();
            assertThat(score).isBetween(0.0, 100.0);
            JsonNode breakdown = row.get("scoreBreakdown");
            assertThat(breakdown.size()).isEqualTo(10);
            double logit = intercept;
            for (JsonNode c : breakdown) {
                logit += c.get("contribution").asDouble();
            }
            // the score is the logistic of intercept + contributions (rounded to 3 decimals each in the JSON)
            double expected = 100.0 / (1.0 + Math.exp(-logit));
            assertThat(score).as(row.get("name").asText()).isCloseTo(expected, within(0.5));
        }
    }

    @Test
    @Order(4)
    void pinning_names_a_feature_and_a_number() {
        int version = as("dave")
                .getForObject("/api/v1/score-model", JsonNode.class)
                .get("version")
                .asInt();
        String path = "/api/v1/score-model/" + version + "/weights";
        ResponseEntity<JsonNode> unknown = as("erin")
                .exchange(
                        path,
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("weights", Map.of("sunshine", 1.0))),
                        JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().toString()).contains("unknown feature 'sunshine'");

        ResponseEntity<JsonNode> pinned = as("erin")
                .exchange(
                        path,
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("weights", Map.of("errors", 2.5))),
                        JsonNode.class);
        assertThat(pinned.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pinned.getBody().get("pinned").asBoolean()).isTrue();
        JsonNode errors = dev.stampboard.Json.findByName(pinned.getBody().get("features"), "errors");
        assertThat(errors.get("weight").asDouble()).isEqualTo(2.5);
        assertThat(scores.activeCard().orElseThrow().features().get(5).weight()).isEqualTo(2.5);

        ResponseEntity<JsonNode> released = as("erin").exchange(path, HttpMethod.DELETE, null, JsonNode.class);
        assertThat(released.getBody().get("pinned").asBoolean()).isFalse();
        JsonNode fitted = dev.stampboard.Json.findByName(released.getBody().get("features"), "errors");
        assertThat(fitted.get("weight").asDouble())
                .isEqualTo(fitted.get("fittedWeight").asDouble());
    }

    @Test
    @Order(5)
    void an_unknown_version_is_a_404() {
        assertThat(as("erin")
                        .postForEntity("/api/v1/score-model/9999/activate", null, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @Order(6)
    void an_admin_sets_the_labelling_the_next_training_uses_audited_and_others_cannot() {
        String path = "/api/v1/score-model/labelling";
        Map<String, Object> body = Map.of("p99SloMs", 2000, "throttlingPercent", 2.5, "horizonHours", 3);
        for (String user : new String[] {"dave", "alice", "carol"}) {
            assertThat(as(user).exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class)
                            .getStatusCode())
                    .as(user + " changes the labelling")
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        ResponseEntity<JsonNode> bad = as("erin")
                .exchange(
                        path,
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("p99SloMs", -5, "throttlingPercent", 120, "horizonHours", 0)),
                        JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("detail").asText())
                .contains("p99SloMs: must be above 0 and at most 60000 ms, got -5")
                .contains("throttlingPercent: must be above 0 and at most 100 %, got 120")
                .contains("horizonHours: must be between 1 and 48 hours, got 0");
        assertThat(as("dave").getForObject(path, JsonNode.class).get("custom").asBoolean())
                .isFalse();
        try {
            ResponseEntity<JsonNode> changed =
                    as("erin").exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
            assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode read = as("dave").getForObject(path, JsonNode.class);
            assertThat(read.get("p99SloMs").asDouble()).isEqualTo(2000.0);
            assertThat(read.get("throttlingPercent").asDouble()).isEqualTo(2.5);
            assertThat(read.get("horizonHours").asInt()).isEqualTo(3);
            assertThat(read.get("custom").asBoolean()).isTrue();
            JsonNode audit = as("erin").getForObject("/api/v1/audit?action=SETTING_CHANGED&actor=erin", JsonNode.class);
            assertThat(audit.toString())
                    .contains("score.labelling")
                    .contains("p99 above 1500 ms or throttling above 1 %, 6 h ahead -> p99 above 2000 ms or"
                            + " throttling above 2.5 %, 3 h ahead");

            // the next training labels with it; its card says so
            JsonNode card = as("erin")
                    .postForEntity("/api/v1/score-model/train", null, JsonNode.class)
                    .getBody();
            assertThat(card.at("/training/p99SloMs").asDouble()).isEqualTo(2000.0);
            assertThat(card.at("/training/throttlingPercent").asDouble()).isEqualTo(2.5);
            assertThat(card.at("/training/horizonHours").asInt()).isEqualTo(3);
        } finally {
            assertThat(as("erin")
                            .exchange(path, HttpMethod.DELETE, null, JsonNode.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
        assertThat(as("dave").getForObject(path, JsonNode.class).get("custom").asBoolean())
                .isFalse();
    }
}
