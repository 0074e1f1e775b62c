package dev.stampboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.support.TestNames;
import dev.stampboard.support.TestStamps;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A drain that waits longer than H2's lock timeout (2 s) for the stamp's row lock ({@link StampLocks}), held here by a
 * placement that is still committing, is answered as busy: 409 with {@code Retry-After}, saying the stamp is busy with
 * another change and to try again, and nothing of the drain stored. Until session 16 it answered 500 ("Unexpected
 * error"), as if the console had a bug. Once the placement has committed, the same drain succeeds.
 */
class StampBusyAnswerTest extends SpringTest {

    private static final TestNames NAMES = TestNames.of(StampBusyAnswerTest.class);

    @Autowired
    FleetService fleet;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_drain_waiting_past_the_lock_timeout_is_told_to_try_again_and_stores_nothing() throws Exception {
        String stamp = NAMES.stamp(1);
        String registry = NAMES.registry("placing");
        fleet.declareStamp(stamp, TestStamps.oneNodePerPool(NAMES.region()), Actor.SYSTEM);
        fleet.addCustomer(NAMES.customer("co"), "Co", Actor.SYSTEM);
        long auditBefore = drainsAudited(stamp);
        ExecutorService placer = Executors.newSingleThreadExecutor();
        CountDownLatch placed = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(1);
        try {
            // the placement takes the stamp's lock and holds it (uncommitted) until the drain has had its answer
            Future<?> placement = placer.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                fleet.declareRegistry(
                        registry,
                        new RegistryDeclaration(
                                NAMES.customer("co"),
                                List.of(new RegistryDeclaration.ReplicaDeclaration(NAMES.region(), stamp))),
                        Actor.SYSTEM);
                placed.countDown();
                await(answered);
            }));
            assertThat(placed.await(20, TimeUnit.SECONDS)).isTrue();
            long began = System.nanoTime();
            ResponseEntity<JsonNode> busy = drain(stamp);
            long waitedMillis = (System.nanoTime() - began) / 1_000_000;
            answered.countDown();
            placement.get(20, TimeUnit.SECONDS);

            assertThat(busy.getStatusCode()).as(String.valueOf(busy.getBody())).isEqualTo(HttpStatus.CONFLICT);
            assertThat(waitedMillis).as("the drain waited for the lock first").isGreaterThanOrEqualTo(1_500);
            assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
            assertThat(busy.getBody().get("detail").asText())
                    .contains("Stamp " + stamp + " is busy with another change", "try again", "nothing was changed");
            assertThat(fleet.freshStamp(stamp).orElseThrow().status())
                    .as("nothing of the drain stored")
                    .isEqualTo(StampStatus.ACTIVE);
            assertThat(drainsAudited(stamp)).isEqualTo(auditBefore);
            assertThat(fleet.registry(registry).flatMap(r -> r.homeStamp(NAMES.region())))
                    .as("the placement that held the lock committed")
                    .contains(stamp);

            ResponseEntity<JsonNode> retried = drain(stamp);
            assertThat(retried.getStatusCode())
                    .as(String.valueOf(retried.getBody()))
                    .isEqualTo(HttpStatus.OK);
            assertThat(retried.getBody().get("status").asText()).isEqualTo("DRAINING");
            assertThat(drainsAudited(stamp)).isEqualTo(auditBefore + 1);
        } finally {
            answered.countDown();
            placer.shutdownNow();
        }
    }

    private ResponseEntity<JsonNode> drain(String stamp) {
        return rest.withBasicAuth("alice", "alice-pw")
                .exchange(
                        "/api/v1/stamps/" + stamp + "/drain",
                        HttpMethod.POST,
                        new HttpEntity<>(Map.of("reason", "busy test")),
                        JsonNode.class);
    }

    private long drainsAudited(String stamp) {
        return jdbc.sql("select count(*) from audit_event where action = 'STAMP_DRAINING' and subject = ?")
                .param(stamp)
                .query(Long.class)
                .single();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the drain did not answer within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
