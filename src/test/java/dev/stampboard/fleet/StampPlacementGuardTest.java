package dev.stampboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.base.TransitionRefused;
import dev.stampboard.support.TestNames;
import dev.stampboard.support.TestStamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No new replica lands on a stamp that is not ACTIVE, whichever path places it; a rollback lands on any stamp but a
 * RETIRED one; a stamp is not retired while a plan not finished still moves replicas off or onto it; and a placement
 * and a retirement at once never both succeed (the stamp's row lock, {@link StampLocks}).
 */
class StampPlacementGuardTest extends SpringTest {

    private static final TestNames NAMES = TestNames.of(StampPlacementGuardTest.class);
    private static final String HOME = NAMES.stamp(1);

    @Autowired
    FleetService fleet;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    /** Stamps and registries of their own for every case, numbered from here. */
    private static final AtomicInteger NEXT = new AtomicInteger(10);

    /** Each way a replica is put on a stamp. */
    enum Path {
        PUT_ONE,
        PUT_BATCH,
        ADD_REGISTRY,
        CUTOVER,
        ROLLBACK
    }

    @Test
    void every_placement_path_admits_exactly_the_statuses_the_rule_names() {
        homeStamp();
        // the rule (README "Scale-out"): a new replica onto an ACTIVE stamp only; a rollback onto any stamp that still
        // serves, i.e. not a RETIRED one. Written out here, not read from the code.
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (StampStatus status : StampStatus.values()) {
            for (Path path : Path.values()) {
                boolean admitted =
                        status == StampStatus.ACTIVE || (path == Path.ROLLBACK && status != StampStatus.RETIRED);
                expected.put(path + " onto " + status, admitted ? "placed" : "refused");
                String stamp = stampIn(status);
                String registry = NAMES.registry("r" + NEXT.getAndIncrement());
                String outcome = place(path, registry, stamp);
                outcomes.put(path + " onto " + status, outcome.startsWith("refused") ? "refused" : outcome);
                if (outcome.startsWith("refused")) {
                    assertThat(outcome)
                            .as("the refusal names the stamp and its status")
                            .contains("Stamp " + stamp + " is " + status);
                    assertThat(fleet.registry(registry).flatMap(r -> r.homeStamp(NAMES.region())))
                            .as("%s onto %s: nothing placed", path, status)
                            .isNotEqualTo(java.util.Optional.of(stamp));
                } else {
                    assertThat(fleet.registry(registry).flatMap(r -> r.homeStamp(NAMES.region())))
                            .contains(stamp);
                }
            }
        }
        assertThat(outcomes).containsExactlyEntriesOf(expected);
    }

    @Test
    void a_replica_declared_again_where_it_already_is_is_not_a_placement() {
        homeStamp();
        String stamp = stampIn(StampStatus.ACTIVE);
        String registry = NAMES.registry("collected");
        assertThat(place(Path.PUT_ONE, registry, stamp)).isEqualTo("placed");
        fleet.startDrainingStamp(stamp, "moving off", Actor.SYSTEM);
        assertThat(place(Path.PUT_ONE, registry, stamp))
                .as("a collector sending the fleet again after the stamp started draining")
                .isEqualTo("placed");
        assertThat(place(Path.PUT_BATCH, registry, stamp)).isEqualTo("placed");
    }

    @Test
    void a_stamp_is_not_retired_while_an_unfinished_plan_moves_replicas_off_or_onto_it() {
        homeStamp();
        String source = stampIn(StampStatus.ACTIVE);
        String registry = NAMES.registry("inflight");
        assertThat(place(Path.PUT_ONE, registry, source)).isEqualTo("placed");
        // the executor's cutover as it stores it: a run in flight, its move cut over (replica now on HOME)
        fleet.rehome(
                RegistryName.of(registry), RegionName.of(NAMES.region()), StampName.of(HOME), "cutover", Actor.SYSTEM);
        String planId = java.util.UUID.randomUUID().toString();
        jdbc.sql("insert into plan_run (plan_id, region, status, auto_rollback, started_by, started_at, version)"
                        + " values (?, ?, 'PAUSED', false, 'alice', current_timestamp, 0)")
                .params(planId, NAMES.region())
                .update();
        jdbc.sql("insert into move_run (plan_id, seq, registry, region, from_stamp, to_stamp, phase, batch,"
                        + " observation_hours, state, state_since, version)"
                        + " values (?, 0, ?, ?, ?, ?, 1, 1, 24, 'VALIDATING', current_timestamp, 0)")
                .params(planId, registry, NAMES.region(), source, HOME)
                .update();
        try {
            fleet.startDrainingStamp(source, "moving off", Actor.SYSTEM);
            ResponseEntity<JsonNode> refused = as("alice")
                    .exchange(
                            "/api/v1/stamps/" + source + "/retire", HttpMethod.POST, HttpEntity.EMPTY, JsonNode.class);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getBody().get("detail").asText())
                    .contains(
                            "Cannot retire stamp " + source, "plan " + planId, registry + " " + source + " → " + HOME);
            // its rollback still goes back onto the DRAINING source
            assertThat(fleet.rehomeIfNeeded(
                            RegistryName.of(registry),
                            RegionName.of(NAMES.region()),
                            StampName.of(source),
                            Placement.ROLLBACK,
                            "rollback",
                            Actor.SYSTEM))
                    .isTrue();
            jdbc.sql("update move_run set state = 'ROLLED_BACK' where plan_id = ?")
                    .param(planId)
                    .update();
            fleet.rehome(
                    RegistryName.of(registry),
                    RegionName.of(NAMES.region()),
                    StampName.of(HOME),
                    "moved off by hand",
                    Actor.SYSTEM);
            assertThat(retire(source))
                    .as("the run is still PAUSED, but its only move is rolled back")
                    .isEqualTo("retired");
        } finally {
            jdbc.sql("update plan_run set status = 'ROLLED_BACK' where plan_id = ?")
                    .param(planId)
                    .update();
        }
    }

    /**
     * The race the lock closes: a placement onto an ACTIVE stamp is still uncommitted when an engineer drains and
     * retires that stamp. Without the lock, the drain and the retirement commit at once (the retirement does not see
     * the uncommitted replica), and the placement then commits a replica on a RETIRED stamp. With it, the drain waits
     * for the placement's commit and the retirement then sees the replica and is refused.
     */
    @Test
    void a_placement_and_a_retirement_at_once_never_both_succeed() throws Exception {
        homeStamp();
        ExecutorService engineer = Executors.newSingleThreadExecutor();
        try {
            for (Path path : List.of(Path.PUT_ONE, Path.CUTOVER)) {
                String stamp = stampIn(StampStatus.ACTIVE);
                String registry = NAMES.registry("race" + NEXT.getAndIncrement());
                if (path == Path.CUTOVER) {
                    assertThat(place(Path.PUT_ONE, registry, HOME)).isEqualTo("placed");
                }
                AtomicReference<Future<String>> retirement = new AtomicReference<>();
                new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                    if (path == Path.CUTOVER) {
                        fleet.rehome(
                                RegistryName.of(registry),
                                RegionName.of(NAMES.region()),
                                StampName.of(stamp),
                                "race",
                                Actor.SYSTEM);
                    } else {
                        fleet.declareRegistry(registry, declaration(stamp), Actor.SYSTEM);
                    }
                    retirement.set(engineer.submit(() -> {
                        fleet.startDrainingStamp(stamp, "race", Actor.SYSTEM);
                        return retire(stamp);
                    }));
                    try {
                        // time enough (by far) for the drain and the retirement to commit if nothing holds them back;
                        // less
                        // than H2's lock timeout (2 s), which the drain waits for this commit within
                        retirement.get().get(500, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException held) {
                        // the drain waits for this placement's lock on the stamp
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                String retired = retirement.get().get(20, TimeUnit.SECONDS);
                assertThat(fleet.registry(registry).flatMap(r -> r.homeStamp(NAMES.region())))
                        .as("%s: the placement committed", path)
                        .contains(stamp);
                assertThat(retired)
                        .as("%s: a replica is homed there, so the retirement must have been refused", path)
                        .startsWith("refused")
                        .contains("1 registry replica(s)", registry);
                assertThat(fleet.freshStamp(stamp).orElseThrow().status()).isEqualTo(StampStatus.DRAINING);
            }
        } finally {
            engineer.shutdownNow();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void homeStamp() {
        if (fleet.stamp(HOME).isEmpty()) {
            fleet.declareStamp(HOME, TestStamps.oneNodePerPool(NAMES.region()), Actor.SYSTEM);
        }
    }

    /** A new stamp of the test's region brought to {@code status} the way an operator does. */
    private String stampIn(StampStatus status) {
        String name = NAMES.stamp(NEXT.getAndIncrement());
        StampDeclaration oneNode = TestStamps.oneNodePerPool(NAMES.region());
        fleet.declareStamp(
                name,
                new StampDeclaration(
                        oneNode.region(),
                        null,
                        status == StampStatus.PROVISIONING ? StampStatus.PROVISIONING : StampStatus.ACTIVE,
                        oneNode.pools(),
                        oneNode.storageAccounts()),
                Actor.SYSTEM);
        if (status == StampStatus.DRAINING || status == StampStatus.RETIRED) {
            fleet.startDrainingStamp(name, "test", Actor.SYSTEM);
        }
        if (status == StampStatus.RETIRED) {
            fleet.retireStamp(name, "test", Actor.SYSTEM);
        }
        return name;
    }

    /** "placed", or "refused: " and why; any other answer fails the test. */
    private String place(Path path, String registry, String stamp) {
        String region = NAMES.region();
        try {
            switch (path) {
                case PUT_ONE -> {
                    ResponseEntity<JsonNode> res = put("/api/v1/registries/" + registry, body(stamp));
                    return answer(res);
                }
                case PUT_BATCH -> {
                    // a registry onto the ACTIVE home stamp first: a refused batch stores none of them
                    String first = NAMES.registry(registry.substring(0, registry.indexOf('.')) + "first");
                    ResponseEntity<JsonNode> res = put(
                            "/api/v1/registries",
                            Map.of("registries", List.of(named(first, HOME), named(registry, stamp))));
                    String answer = answer(res);
                    if (answer.startsWith("refused")) {
                        assertThat(answer).contains("registries[1] (" + registry + ")");
                        assertThat(fleet.registry(first)).as("all or none").isEmpty();
                    }
                    return answer;
                }
                case ADD_REGISTRY -> {
                    if (fleet.customer(NAMES.customer("co")).isEmpty()) {
                        fleet.addCustomer(NAMES.customer("co"), "Co", Actor.SYSTEM);
                    }
                    fleet.addRegistry(registry, NAMES.customer("co"), Map.of(region, stamp), Actor.SYSTEM);
                    return "placed";
                }
                case CUTOVER, ROLLBACK -> {
                    assertThat(place(Path.PUT_ONE, registry, HOME)).isEqualTo("placed");
                    fleet.rehomeIfNeeded(
                            RegistryName.of(registry),
                            RegionName.of(region),
                            StampName.of(stamp),
                            path == Path.CUTOVER ? Placement.CUTOVER : Placement.ROLLBACK,
                            "test",
                            Actor.SYSTEM);
                    return "placed";
                }
                default -> throw new IllegalArgumentException(path.name());
            }
        } catch (StampClosedToPlacement refused) {
            assertThat(refused.status()).isNotEqualTo(StampStatus.ACTIVE);
            return "refused: " + refused.getMessage();
        }
    }

    private static String answer(ResponseEntity<JsonNode> res) {
        if (res.getStatusCode() == HttpStatus.OK) {
            return "placed";
        }
        assertThat(res.getStatusCode()).as(String.valueOf(res.getBody())).isEqualTo(HttpStatus.CONFLICT);
        return "refused: " + res.getBody().get("detail").asText();
    }

    private String retire(String stamp) {
        try {
            fleet.retireStamp(stamp, "test", Actor.SYSTEM);
            return "retired";
        } catch (TransitionRefused refused) {
            return "refused: " + refused.getMessage();
        }
    }

    private RegistryDeclaration declaration(String stamp) {
        return new RegistryDeclaration(
                NAMES.customer("co"), List.of(new RegistryDeclaration.ReplicaDeclaration(NAMES.region(), stamp)));
    }

    private Map<String, Object> body(String stamp) {
        return Map.of(
                "customer",
                NAMES.customer("co"),
                "replicas",
                List.of(Map.of("region", NAMES.region(), "homeStamp", stamp)));
    }

    private Map<String, Object> named(String registry, String stamp) {
        Map<String, Object> named = new LinkedHashMap<>(body(stamp));
        named.put("name", registry);
        return named;
    }

    private ResponseEntity<JsonNode> put(String path, Object body) {
        return as("alice").exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user + "-pw");
    }
}
