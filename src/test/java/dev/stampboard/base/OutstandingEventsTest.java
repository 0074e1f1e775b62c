package dev.stampboard.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import dev.stampboard.planning.PlanFinished;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.support.PublicationRows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 18, work done once: a cross-module event whose listener did not run (its instance crashed) is delivered again
 * by the elected instance only, and not by every instance that starts; a listener whose effect is not idempotent by
 * itself handles each event once ({@link HandledEvents}), however often it is delivered and by how many instances.
 */
class OutstandingEventsTest extends SpringTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    HandledEvents handled;

    @Autowired
    Clock clock;

    @Value("${spring.modulith.events.republish-outstanding-events-on-restart}")
    boolean republishOnStart;

    private static ObjectProvider<SingleInstanceJobs> jobs(boolean elected) {
        SingleInstanceJobs lease = job -> elected;
        return new StaticListableBeanFactory(Map.of("jobs", lease)).getBeanProvider(SingleInstanceJobs.class);
    }

    @Test
    void a_publication_a_crashed_instance_left_is_delivered_again_by_the_elected_instance_only()
            throws InterruptedException {
        assertThat(republishOnStart)
                .as("a starting instance does not deliver what running ones are delivering")
                .isFalse();
        String plan = "scale7-crashed-" + UUID.randomUUID();
        // the rows the registry stores for the event, as an instance that crashed before its listeners ran leaves
        // them: taken from a real publication whose transaction is then rolled back, and dated an hour ago
        List<Map<String, Object>> rows = PublicationRows.of(
                new PlanFinished(dev.stampboard.planning.PlanId.of(plan), PlanStatus.ROLLED_BACK),
                plan,
                tx,
                events,
                jdbc);
        assertThat(rows)
                .as("isolation listens to PlanFinished through the registry")
                .isNotEmpty();
        Instant anHourAgo = clock.instant().minus(Duration.ofHours(1));
        for (Map<String, Object> row : rows) {
            PublicationRows.insertOutstanding(jdbc, UUID.randomUUID(), row, row.get("serialized_event"), anHourAgo);
        }

        OutstandingEvents other = new OutstandingEvents(incomplete, jobs(false), Duration.ofMinutes(5));
        assertThat(other.resubmit()).as("an instance that is not elected").isFalse();
        assertThat(outstanding(plan)).isEqualTo(rows.size());

        OutstandingEvents elected = new OutstandingEvents(incomplete, jobs(true), Duration.ofMinutes(5));
        assertThat(elected.resubmit()).isTrue();
        for (int i = 0; i < 200 && outstanding(plan) > 0; i++) {
            Thread.sleep(50);
        }
        assertThat(outstanding(plan))
                .as("delivered, then deleted (completion mode delete)")
                .isZero();
    }

    @Test
    void a_young_outstanding_publication_is_left_to_the_instance_delivering_it() {
        String plan = "scale7-inflight-" + UUID.randomUUID();
        List<Map<String, Object>> rows = PublicationRows.of(
                new PlanFinished(dev.stampboard.planning.PlanId.of(plan), PlanStatus.ROLLED_BACK),
                plan,
                tx,
                events,
                jdbc);
        String id = UUID.randomUUID().toString();
        Map<String, Object> row = rows.get(0);
        PublicationRows.insertOutstanding(jdbc, UUID.fromString(id), row, row.get("serialized_event"), clock.instant());
        try {
            new OutstandingEvents(incomplete, jobs(true), Duration.ofMinutes(5)).resubmit();
            assertThat(outstanding(plan))
                    .as("a minute-old publication may still be in flight")
                    .isEqualTo(1);
        } finally {
            jdbc.sql("delete from event_publication where serialized_event like ?")
                    .param("%" + plan + "%")
                    .update();
        }
    }

    @Test
    void a_listener_handles_an_event_once_however_often_and_by_how_many_instances_it_is_delivered() throws Exception {
        String key = "scale7-" + UUID.randomUUID();
        assertThat(once("scale7.test", key)).isTrue();
        assertThat(once("scale7.test", key)).as("delivered again").isFalse();
        assertThat(once("scale7.other-listener", key))
                .as("each listener on its own")
                .isTrue();

        String undone = "scale7-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            assertThat(handled.firstTime("scale7.test", undone)).isTrue();
            s.setRollbackOnly(); // the effect failed: the key goes with it
        });
        assertThat(once("scale7.test", undone))
                .as("a rolled-back effect is done on the next delivery")
                .isTrue();

        int instances = 4;
        ExecutorService threads = Executors.newFixedThreadPool(instances);
        try {
            for (int round = 0; round < 10; round++) {
                String raced = "scale7-" + UUID.randomUUID();
                CyclicBarrier together = new CyclicBarrier(instances);
                List<Callable<Boolean>> deliveries = new java.util.ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    deliveries.add(() -> {
                        together.await();
                        try {
                            return once("scale7.test", raced);
                        } catch (org.springframework.dao.DataAccessException lostTheRace) {
                            return false; // PostgreSQL: the loser's transaction fails on the key, its effect undone
                        }
                    });
                }
                long first = 0;
                for (Future<Boolean> f : threads.invokeAll(deliveries)) {
                    if (Boolean.TRUE.equals(f.get(60, TimeUnit.SECONDS))) {
                        first++;
                    }
                }
                assertThat(first).as("four deliveries at once, one handles it").isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private boolean once(String listener, String key) {
        return Boolean.TRUE.equals(tx.execute(s -> handled.firstTime(listener, key)));
    }

    private long outstanding(String plan) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                .param("%" + plan + "%")
                .query(Long.class)
                .single();
    }
}
