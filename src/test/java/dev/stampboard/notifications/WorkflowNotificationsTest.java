package dev.stampboard.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.KaribuTest;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.isolation.IsolationIntake;
import dev.stampboard.isolation.IsolationRequestDetails;
import dev.stampboard.isolation.IsolationReview;
import dev.stampboard.isolation.Requests;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.planning.engine.PlanChoices;
import dev.stampboard.signals.PoolStateChanged;
import dev.stampboard.signals.engine.PoolState;
import dev.stampboard.support.TestNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/** Issue 15 item 13: the real workflows notify the people who must act, and the notice goes when they have. */
class WorkflowNotificationsTest extends KaribuTest {

    private static final TestNames NAMES = TestNames.of(WorkflowNotificationsTest.class);
    /** A stamp of this class that the HOT announcements name (no fleet behind it: the events are published here). */
    private static final String HOT_STAMP = NAMES.stamp(99);

    @Autowired
    Notifications notifications;

    @Autowired
    PlanningService planning;

    @Autowired
    dev.stampboard.planning.PlanComputation computation;

    @Autowired
    IsolationIntake intake;

    @Autowired
    IsolationReview review;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private Optional<Notification> mine(NotificationKind kind, String subject) {
        return notifications.mine(200).stream()
                .filter(n -> n.kind() == kind && n.subject().equals(subject))
                .findFirst();
    }

    @Test
    void a_submitted_plan_asks_the_other_engineers_and_its_approval_resolves_the_notice() {
        login("alice");
        PlanDetails plan = planning.proposeAndSubmit(
                "eastus",
                List.of("eus-s01"),
                computation.defaultSettings(),
                new PlanChoices(Set.of("openmindexp23.azurecr.io"), Map.of()));
        assertThat(mine(NotificationKind.APPROVAL_NEEDED, plan.id()))
                .as("not the submitter")
                .isEmpty();

        login("bob");
        Notification asked = mine(NotificationKind.APPROVAL_NEEDED, plan.id()).orElseThrow();
        assertThat(asked.unread()).isTrue();
        assertThat(asked.title()).isEqualTo("Plan " + plan.id().substring(0, 8) + " awaits your approval");
        assertThat(asked.link()).isEqualTo("plans/" + plan.id());
        long unread = notifications.unreadCount();

        planning.approve(plan.planId());
        assertThat(mine(NotificationKind.APPROVAL_NEEDED, plan.id())
                        .orElseThrow()
                        .resolved())
                .isTrue();
        assertThat(notifications.unreadCount()).isEqualTo(unread - 1);
    }

    @Test
    void a_question_from_support_reaches_the_customer_and_the_answer_resolves_it() {
        login("frank");
        IsolationRequestDetails request = intake.file(Requests.valid());
        login("carol");
        review.startReview(request.id());
        review.askForInformation(request.id(), "How fast does the data volume grow?");
        assertThat(mine(NotificationKind.ANSWER_NEEDED, request.id()))
                .as("the one who asked")
                .isEmpty();
        login("bob");
        assertThat(mine(NotificationKind.ANSWER_NEEDED, request.id()))
                .as("an engineer")
                .isEmpty();

        login("frank");
        Notification asked = mine(NotificationKind.ANSWER_NEEDED, request.id()).orElseThrow();
        assertThat(asked.detail()).isEqualTo("carol asks: How fast does the data volume grow?");
        assertThat(asked.unread()).isTrue();
        review.answer(request.id(), "About 20 TB a month");
        assertThat(mine(NotificationKind.ANSWER_NEEDED, request.id())
                        .orElseThrow()
                        .resolved())
                .isTrue();
    }

    @Test
    void a_pool_turning_hot_tells_the_engineers_once_and_cooling_resolves_it() {
        String subject = HOT_STAMP + "/dataproxy";
        events.publishEvent(new PoolStateChanged(
                NAMES.region(), HOT_STAMP, PoolKind.DATAPROXY, PoolState.WARN, PoolState.HOT, 1000));
        events.publishEvent(new PoolStateChanged(
                NAMES.region(), HOT_STAMP, PoolKind.DATAPROXY, PoolState.NO_DATA, PoolState.HOT, 1001));
        login("bob");
        assertThat(notifications.mine(200).stream()
                        .filter(n -> n.kind() == NotificationKind.STAMP_HOT
                                && n.subject().equals(subject)))
                .as("one open notice per pool, however often it is announced")
                .hasSize(1);
        Notification hot = mine(NotificationKind.STAMP_HOT, subject).orElseThrow();
        assertThat(hot.title()).isEqualTo("Stamp " + HOT_STAMP + " is HOT");
        assertThat(hot.link()).isEqualTo("stamps/" + HOT_STAMP);
        assertThat(hot.unread()).isTrue();
        login("frank");
        assertThat(mine(NotificationKind.STAMP_HOT, subject))
                .as("a customer is not told")
                .isEmpty();

        events.publishEvent(new PoolStateChanged(
                NAMES.region(), HOT_STAMP, PoolKind.DATAPROXY, PoolState.HOT, PoolState.WARN, 1030));
        login("bob");
        assertThat(mine(NotificationKind.STAMP_HOT, subject).orElseThrow().resolved())
                .isTrue();
    }

    /**
     * Issue 18: every console instance's engine sees a pool turn HOT and announces it at about the same moment. The
     * database lets the first insert win: one notice per HOT episode, whichever instances raise it and however
     * concurrently; once it is resolved, the next episode is a new notice.
     */
    @Test
    void a_pool_turning_hot_on_several_instances_at_once_is_one_notice() throws Exception {
        int instances = 4;
        int pools = 12;
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(instances);
        try {
            for (int p = 0; p < pools; p++) {
                String stamp = NAMES.stamp(100 + p); // one pool per stamp, s100 to s111
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(instances);
                List<java.util.concurrent.Future<?>> raised = new java.util.ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    long minute = 5000 + i % 2; // a lagging instance sees it a minute later
                    raised.add(threads.submit(() -> {
                        together.await();
                        events.publishEvent(new PoolStateChanged(
                                NAMES.region(), stamp, PoolKind.DATAPROXY, PoolState.WARN, PoolState.HOT, minute));
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : raised) {
                    f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
                assertThat(stored(stamp + "/dataproxy"))
                        .as(stamp + ": raised by " + instances + " instances at once")
                        .isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
        String subject = NAMES.stamp(100) + "/dataproxy";
        events.publishEvent(new PoolStateChanged(
                NAMES.region(), NAMES.stamp(100), PoolKind.DATAPROXY, PoolState.HOT, PoolState.OK, 5030));
        events.publishEvent(new PoolStateChanged(
                NAMES.region(), NAMES.stamp(100), PoolKind.DATAPROXY, PoolState.HOT, PoolState.OK, 5030));
        events.publishEvent(new PoolStateChanged(
                NAMES.region(), NAMES.stamp(100), PoolKind.DATAPROXY, PoolState.OK, PoolState.HOT, 5090));
        events.publishEvent(new PoolStateChanged(
                NAMES.region(), NAMES.stamp(100), PoolKind.DATAPROXY, PoolState.OK, PoolState.HOT, 5091));
        assertThat(stored(subject))
                .as("a second HOT episode is a second notice")
                .isEqualTo(2);
        login("bob");
        assertThat(notifications.mine(500).stream()
                        .filter(n -> n.kind() == NotificationKind.STAMP_HOT
                                && n.subject().equals(subject))
                        .map(Notification::resolved))
                .containsExactlyInAnyOrder(true, false);
    }

    private long stored(String subject) {
        return jdbc.sql("select count(*) from notification where kind = 'STAMP_HOT' and subject = ?")
                .param(subject)
                .query(Long.class)
                .single();
    }
}
