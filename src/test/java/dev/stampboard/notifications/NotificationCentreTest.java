package dev.stampboard.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampboard.KaribuTest;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.security.Role;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 15 item 13: notifications reach their audience, and each user reads them on their own. */
class NotificationCentreTest extends KaribuTest {

    @Autowired
    Notifications notifications;

    private long publishAsSystem(NewNotification n) {
        // publishing is what the modules' listeners do, whoever happens to be signed in
        login("alice");
        return notifications.publish(n);
    }

    private static NewNotification toEngineersExcept(String except, String subject) {
        return new NewNotification(
                NotificationKind.APPROVAL_NEEDED,
                Set.of(Audience.role(Role.ENGINEER)),
                except,
                subject,
                "Plan " + subject + " awaits your approval",
                "submitted by " + except,
                "plans/" + subject);
    }

    private Notification mineAbout(String subject) {
        return notifications.mine(100).stream()
                .filter(n -> n.subject().equals(subject))
                .findFirst()
                .orElseThrow();
    }

    private boolean seesAbout(String subject) {
        return notifications.mine(100).stream().anyMatch(n -> n.subject().equals(subject));
    }

    @Test
    void a_plan_awaiting_approval_reaches_every_engineer_but_its_submitter_and_each_reads_it_alone() {
        login("bob");
        long bobBefore = notifications.unreadCount();
        String subject = UUID.randomUUID().toString();
        long id = publishAsSystem(toEngineersExcept("alice", subject));

        assertThat(seesAbout(subject))
                .as("the submitter is not asked to approve their own plan")
                .isFalse();
        login("dave");
        assertThat(seesAbout(subject)).as("a viewer is no engineer").isFalse();
        login("frank");
        assertThat(seesAbout(subject)).as("a customer").isFalse();

        login("bob");
        assertThat(notifications.unreadCount()).isEqualTo(bobBefore + 1);
        Notification seen = mineAbout(subject);
        assertThat(seen.id()).isEqualTo(id);
        assertThat(seen.kind()).isEqualTo(NotificationKind.APPROVAL_NEEDED);
        assertThat(seen.link()).isEqualTo("plans/" + subject);
        assertThat(seen.unread()).isTrue();

        notifications.markRead(id);
        notifications.markRead(id); // twice is once
        assertThat(notifications.unreadCount()).isEqualTo(bobBefore);
        assertThat(mineAbout(subject).read()).isTrue();
    }

    @Test
    void a_resolved_notification_no_longer_counts_as_unread_and_an_open_one_is_not_repeated() {
        String subject = UUID.randomUUID().toString();
        login("bob");
        long before = notifications.unreadCount();
        assertThat(notifications.publishUnlessOpen(toEngineersExcept("alice", subject)))
                .isTrue();
        assertThat(notifications.publishUnlessOpen(toEngineersExcept("alice", subject)))
                .as("still open")
                .isFalse();
        assertThat(notifications.unreadCount()).isEqualTo(before + 1);

        assertThat(notifications.resolve(NotificationKind.APPROVAL_NEEDED, subject))
                .isEqualTo(1);
        assertThat(notifications.unreadCount()).isEqualTo(before);
        assertThat(mineAbout(subject).resolved()).isTrue();
        assertThat(notifications.publishUnlessOpen(toEngineersExcept("alice", subject)))
                .as("a new episode")
                .isTrue();
    }

    @Test
    void a_question_to_a_customer_reaches_that_customers_users_only() {
        String subject = UUID.randomUUID().toString();
        publishAsSystem(new NewNotification(
                NotificationKind.ANSWER_NEEDED,
                Set.of(Audience.customer("openmind-ai")),
                null,
                subject,
                "Request needs your answer",
                "carol asks: what is the peak QPS?",
                "isolation-requests/" + subject));
        login("frank");
        assertThat(mineAbout(subject).kind()).isEqualTo(NotificationKind.ANSWER_NEEDED);
        login("carol");
        assertThat(seesAbout(subject)).as("support staff are not the customer").isFalse();
        assertThatThrownBy(() -> notifications.markRead(findId(subject)))
                .as("nobody marks another's notification")
                .isInstanceOf(NotFoundException.class);
        login("bob");
        assertThat(seesAbout(subject)).isFalse();
    }

    /** The id is no secret (the webhook's JSON carries it): knowing it grants nothing. */
    private long findId(String subject) {
        return ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select id from notification where subject = ?")
                .param(subject)
                .query(Long.class)
                .single();
    }

    @Test
    void mark_all_read_reads_only_the_users_own() {
        String subject = UUID.randomUUID().toString();
        publishAsSystem(toEngineersExcept("nobody", subject));
        login("bob");
        notifications.markAllRead();
        assertThat(notifications.unreadCount()).isZero();
        login("alice");
        assertThat(mineAbout(subject).unread())
                .as("bob reading it reads nothing for alice")
                .isTrue();
    }
}
