package dev.stampboard.cutover.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.ScenarioTest;
import dev.stampboard.SpringTest;
import dev.stampboard.cutover.CutoverExecutor;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanId;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.planning.engine.PlanChoices;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** DESIGN §11: start, pause, resume, roll back and read an execution over HTTP, with the same roles. */
@ScenarioTest
@org.junit.jupiter.api.Order(5)
class ExecutionApiTest extends SpringTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    PlanningService planning;

    @Autowired
    dev.stampboard.planning.PlanComputation computation;

    @Autowired
    CutoverExecutor executor;

    @Autowired
    dev.stampboard.cutover.CutoverService cutover;

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user + "-pw");
    }

    private static void signIn(String user) {
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        user,
                        null,
                        List.of(
                                new SimpleGrantedAuthority("ROLE_ENGINEER"),
                                new SimpleGrantedAuthority("ROLE_VIEWER"))));
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private String approvedPlan(String registry) {
        signIn("alice");
        PlanDetails plan = planning.proposeAndSubmit(
                "eastus",
                List.of("eus-s01"),
                computation.defaultSettings(),
                new PlanChoices(Set.of(registry), Map.of()));
        signIn("bob");
        planning.approve(plan.planId());
        SecurityContextHolder.clearContext();
        return plan.id();
    }

    @Test
    void the_workflow_over_http() {
        String id = approvedPlan("openmindexp09.azurecr.io");
        assertThat(as("dave")
                        .postForEntity("/api/v1/plans/" + id + "/start", null, JsonNode.class)
                        .getStatusCode())
                .as("viewer")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("carol")
                        .postForEntity("/api/v1/plans/" + id + "/start", null, JsonNode.class)
                        .getStatusCode())
                .as("support")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("dave")
                        .getForEntity("/api/v1/plans/" + id + "/execution", JsonNode.class)
                        .getStatusCode())
                .as("not started yet")
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> started = as("alice")
                .postForEntity("/api/v1/plans/" + id + "/start", Map.of("autoRollback", true), JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(started.getBody().get("status").asText()).isEqualTo("RUNNING");
        assertThat(started.getBody().get("autoRollback").asBoolean()).isTrue();
        assertThat(as("bob")
                        .postForEntity("/api/v1/plans/" + id + "/start", null, JsonNode.class)
                        .getStatusCode())
                .as("started twice")
                .isEqualTo(HttpStatus.CONFLICT);

        executor.runOnce();
        JsonNode execution = as("dave")
                .getForEntity("/api/v1/plans/" + id + "/execution", JsonNode.class)
                .getBody();
        assertThat(execution.get("moves").get(0).get("state").asText()).isEqualTo("DRAINING");
        assertThat(execution.get("steps").findValuesAsText("step")).containsExactly("CUTOVER_STARTED", "CUT_OVER");
        assertThat(as("dave")
                        .getForEntity("/api/v1/plans/" + id + "/moves", JsonNode.class)
                        .getBody()
                        .get(0)
                        .get("state")
                        .asText())
                .as("the plan's own moves follow")
                .isEqualTo("DRAINING");

        assertThat(as("bob")
                        .postForEntity("/api/v1/plans/" + id + "/pause", Map.of("reason", "freeze"), JsonNode.class)
                        .getBody()
                        .get("status")
                        .asText())
                .isEqualTo("PAUSED");
        assertThat(as("bob")
                        .postForEntity("/api/v1/plans/" + id + "/resume", null, JsonNode.class)
                        .getBody()
                        .get("status")
                        .asText())
                .isEqualTo("RUNNING");
        ResponseEntity<JsonNode> noReason =
                as("bob").postForEntity("/api/v1/plans/" + id + "/rollback", Map.of(), JsonNode.class);
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().get("detail").asText()).contains("reason");
        assertThat(as("bob")
                        .postForEntity("/api/v1/plans/" + id + "/rollback", Map.of("reason", "test"), JsonNode.class)
                        .getBody()
                        .get("status")
                        .asText())
                .isEqualTo("ROLLING_BACK");
        executor.runOnce();
        assertThat(as("dave")
                        .getForEntity("/api/v1/plans/" + id, JsonNode.class)
                        .getBody()
                        .get("status")
                        .asText())
                .isEqualTo("ROLLED_BACK");
        assertThat(as("dave")
                        .getForEntity("/api/v1/migrations", JsonNode.class)
                        .getBody()
                        .findValuesAsText("planId"))
                .contains(id);
        assertThat(as("dave")
                        .getForEntity("/api/v1/audit", JsonNode.class)
                        .getBody()
                        .toString())
                .contains("PLAN_EXECUTION_STARTED")
                .contains("PLAN_PAUSED")
                .contains("PLAN_ROLLBACK_STARTED")
                .contains("MOVE_CUT_OVER")
                .contains("MOVE_ROLLED_BACK");
    }

    @Test
    void two_simultaneous_starts_give_one_run_and_a_409_that_names_who_started_it() throws Exception {
        String id = approvedPlan("openmindexp11.azurecr.io");
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<ResponseEntity<String>>> answers = new java.util.ArrayList<>();
            for (String user : List.of("alice", "bob")) {
                answers.add(pool.submit(() -> {
                    together.await();
                    return as(user).postForEntity("/api/v1/plans/" + id + "/start", null, String.class);
                }));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                ResponseEntity<String> res = answer.get();
                statuses.add(res.getStatusCode().value());
                if (res.getStatusCode() == HttpStatus.CONFLICT) {
                    assertThat(res.getBody())
                            .contains("was started by")
                            .doesNotContain("Exception")
                            .doesNotContainIgnoringCase("sql");
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        signIn("alice");
        cutover.rollback(PlanId.of(id), "test over: put the registry back");
        SecurityContextHolder.clearContext();
    }
}
