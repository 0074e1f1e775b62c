package dev.stampboard.notifications;

import dev.stampboard.cutover.MoveState;
import dev.stampboard.cutover.MoveStateChanged;
import dev.stampboard.cutover.RunStatus;
import dev.stampboard.cutover.RunStatusChanged;
import dev.stampboard.isolation.IsolationRequestDetails;
import dev.stampboard.isolation.IsolationReview;
import dev.stampboard.isolation.IsolationState;
import dev.stampboard.isolation.IsolationStateChanged;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanStatusChanged;
import dev.stampboard.security.Role;
import dev.stampboard.signals.PoolStateChanged;
import dev.stampboard.signals.engine.PoolState;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' domain events into notifications. Plain (synchronous) listeners, like the
 * audit trail: a notification commits with the change it reports, or not at all, and the webhook's
 * delivery is queued in the same transaction.
 */
@Component
class WorkflowNotifications {

    private final Notifications notifications;
    private final IsolationReview review;

    WorkflowNotifications(Notifications notifications, IsolationReview review) {
        this.notifications = notifications;
        this.review = review;
    }

    /** Submitted: every engineer but the submitter may approve (four eyes). Decided or expired: done. */
    @EventListener
    void on(PlanStatusChanged event) {
        if (event.to() == PlanStatus.PENDING_APPROVAL) {
            notifications.publishUnlessOpen(new NewNotification(
                    NotificationKind.APPROVAL_NEEDED,
                    Set.of(Audience.role(Role.ENGINEER)),
                    event.actor().name(),
                    event.planId().value(),
                    "Plan " + shortId(event.planId().value()) + " awaits your approval",
                    "Submitted by " + event.actor().name() + (blank(event.reason()) ? "" : ": " + event.reason()),
                    "plans/" + event.planId().value()));
        } else if (event.from() == PlanStatus.PENDING_APPROVAL) {
            notifications.resolve(
                    NotificationKind.APPROVAL_NEEDED, event.planId().value());
        }
    }

    /** A migration paused (by a failed verdict or an engineer) or set rolling back: the engineers look at it. */
    @EventListener
    void on(RunStatusChanged event) {
        if (event.to() == RunStatus.PAUSED) {
            notifications.publishUnlessOpen(new NewNotification(
                    NotificationKind.MIGRATION_PAUSED,
                    Set.of(Audience.role(Role.ENGINEER)),
                    null,
                    event.planId().value(),
                    "Migration of plan " + shortId(event.planId().value()) + " paused",
                    "By " + event.actor().name() + (blank(event.reason()) ? "" : ": " + event.reason()),
                    "migrations/" + event.planId().value()));
        } else if (event.to() == RunStatus.RUNNING) {
            notifications.resolve(
                    NotificationKind.MIGRATION_PAUSED, event.planId().value());
        }
    }

    @EventListener
    void on(MoveStateChanged event) {
        if (event.to() == MoveState.FAILED) {
            notifications.publish(new NewNotification(
                    NotificationKind.MIGRATION_FAILED,
                    Set.of(Audience.role(Role.ENGINEER)),
                    null,
                    event.planId().value() + "#" + event.seq(),
                    "Move of " + event.registry() + " failed",
                    "Plan " + shortId(event.planId().value()) + ", move " + event.seq() + ": " + event.from()
                            + " → FAILED",
                    "migrations/" + event.planId().value()));
        }
    }

    /** Support asked the customer something: the customer's users and whoever filed it are asked; answered: done. */
    @EventListener
    void on(IsolationStateChanged event) {
        if (event.to() == IsolationState.NEEDS_INFO) {
            IsolationRequestDetails request = review.get(event.requestId());
            notifications.publish(new NewNotification(
                    NotificationKind.ANSWER_NEEDED,
                    Set.of(Audience.customer(request.customer()), Audience.user(request.requestedBy())),
                    event.actor().name(),
                    event.requestId(),
                    "Request " + request.shortId() + " needs your answer",
                    event.actor().name() + " asks: " + (event.note() == null ? "(no question given)" : event.note()),
                    "isolation-requests/" + event.requestId()));
        } else if (event.from() == IsolationState.NEEDS_INFO) {
            notifications.resolve(NotificationKind.ANSWER_NEEDED, event.requestId());
        }
    }

    /** A pool turned HOT: the engineers plan relief. Once it is no longer HOT the notice is done. */
    @EventListener
    void on(PoolStateChanged event) {
        String subject = event.stamp() + "/" + event.pool().name().toLowerCase(java.util.Locale.ROOT);
        if (event.to() == PoolState.HOT) {
            notifications.publishUnlessOpen(new NewNotification(
                    NotificationKind.STAMP_HOT,
                    Set.of(Audience.role(Role.ENGINEER)),
                    null,
                    subject,
                    "Stamp " + event.stamp() + " is HOT",
                    "The " + event.pool().name().toLowerCase(java.util.Locale.ROOT)
                            + " pool's hot-node P95 crossed the hot" + " threshold (was " + event.from() + ") in "
                            + event.region(),
                    "stamps/" + event.stamp()));
        } else if (event.from() == PoolState.HOT) {
            notifications.resolve(NotificationKind.STAMP_HOT, subject);
        }
    }

    private static String shortId(String id) {
        return id.substring(0, Math.min(8, id.length()));
    }

    private static boolean blank(@org.jspecify.annotations.Nullable String text) {
        return text == null || text.isBlank();
    }
}
