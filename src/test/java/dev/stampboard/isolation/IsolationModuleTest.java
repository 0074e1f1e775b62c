package dev.stampboard.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.ModuleTest;
import dev.stampboard.base.Actor;
import dev.stampboard.planning.PlanFinished;
import dev.stampboard.planning.PlanId;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.planning.StoredPlans;
import dev.stampboard.planning.engine.Sizing;
import dev.stampboard.support.PublicationRows;
import dev.stampboard.support.TestNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.test.Scenario;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The isolation module with the modules it depends on (planning, fleet, signals, …) and nothing else: no simulator,
 * no dashboard, no cutover. The cross-module event it reads is planning's {@code PlanFinished}, delivered through
 * Modulith's publication registry after the plan's transaction commits.
 */
@ModuleTest
class IsolationModuleTest {

    private static final TestNames NAMES = TestNames.of(IsolationModuleTest.class);

    @Autowired
    ApplicationContext context;

    @Autowired
    PlanningService planning;

    @Autowired
    IsolationRequestRepository requests;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    Clock clock;

    @Test
    void a_migration_plan_rolled_back_is_recorded_on_its_request_which_stays_migrating(Scenario scenario) {
        PlanId planId = migrating(1, NAMES.registry("orders"));

        scenario.stimulate(() -> planning.finishExecution(planId, PlanStatus.ROLLED_BACK, Actor.SYSTEM, "rolled back"))
                .andWaitForEventOfType(IsolationMigrationEnded.class)
                .matching(e -> e.planId().equals(planId))
                .toArriveAndVerify(e -> {
                    assertThat(e.requestId()).isEqualTo(NAMES.prefix() + "-request-1");
                    assertThat(e.status()).isEqualTo(PlanStatus.ROLLED_BACK);
                });
        assertThat(requests.findById(NAMES.prefix() + "-request-1")
                        .orElseThrow()
                        .state())
                .isEqualTo(IsolationState.MIGRATING);
    }

    /**
     * Rows of the publication registry written before {@code PlanFinished} carried a {@link PlanId} hold the plan id as
     * a plain string. Such a row, left outstanding (its instance stopped before isolation handled it), is read and
     * delivered when it is resubmitted; and a row written now has that same shape.
     */
    @Test
    void a_plan_finished_row_stored_in_the_old_shape_is_still_read_and_delivered(Scenario scenario)
            throws InterruptedException {
        PlanId planId = migrating(2, NAMES.registry("billing"));

        // the listener and type columns from a real publication, whose transaction is rolled back
        String probe = NAMES.prefix() + "-probe";
        List<Map<String, Object>> rows =
                PublicationRows.of(new PlanFinished(PlanId.of(probe), PlanStatus.ROLLED_BACK), probe, tx, events, jdbc);
        assertThat(rows).as("isolation's one listener of PlanFinished").hasSize(1);
        Map<String, Object> real = rows.get(0);
        assertThat(real.get("serialized_event"))
                .as("a row written now keeps the old shape")
                .isEqualTo("{\"planId\":\"" + probe + "\",\"status\":\"ROLLED_BACK\"}");

        // the old row, its JSON written out by hand, published an hour ago by an instance that then stopped
        UUID id = UUID.randomUUID();
        PublicationRows.insertOutstanding(
                jdbc,
                id,
                real,
                "{\"planId\":\"" + planId.value() + "\",\"status\":\"ROLLED_BACK\"}",
                clock.instant().minus(Duration.ofHours(1)));

        scenario.stimulate(() -> incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(5)))
                .andWaitForEventOfType(IsolationMigrationEnded.class)
                .matching(e -> e.planId().equals(planId))
                .toArriveAndVerify(e -> {
                    assertThat(e.requestId()).isEqualTo(NAMES.prefix() + "-request-2");
                    assertThat(e.status()).isEqualTo(PlanStatus.ROLLED_BACK);
                });
        for (int i = 0; i < 100 && outstanding(id) > 0; i++) {
            Thread.sleep(50);
        }
        assertThat(outstanding(id)).as("delivered, then deleted").isZero();
    }

    /** Plan {@code n}, in progress, moving the registry, and request {@code n} migrating as that plan. */
    private PlanId migrating(int n, String registry) {
        PlanId planId = StoredPlans.inProgress(
                context,
                NAMES.prefix() + "-plan-" + n,
                NAMES.region(),
                List.of(StoredPlans.move(registry, NAMES.region(), NAMES.stamp(1), NAMES.stamp(2))));
        IsolationRequest request = IsolationRequest.submit(
                NAMES.prefix() + "-request-" + n,
                NAMES.customer("contoso"),
                NAMES.region(),
                List.of(registry),
                1_000,
                1.0,
                2.0,
                "a noisy neighbour",
                LocalDate.of(2026, 12, 31),
                Actor.user("alice"),
                Instant.parse("2026-11-26T12:00:00Z"),
                new Sizing(4, 4, 1, "4 registry nodes, 4 dataproxy nodes, 1 storage account"));
        request.startReview(Actor.user("carol"));
        request.approve(Actor.user("carol"), NAMES.stamp(2));
        request.startProvisioning();
        request.markReady();
        request.startMigration(planId);
        requests.save(request);
        return planId;
    }

    private long outstanding(UUID id) {
        return jdbc.sql("select count(*) from event_publication where id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }
}
