package dev.stampboard.notifications;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;

/**
 * The webhook was configured, or a delivery succeeded or was given up. Published in the change's
 * transaction; the audit log records it (notifications never writes the audit log itself).
 */
record WebhookAudited(Actor actor, String action, String subject, String auditDetail) implements Audited {

    static WebhookAudited configured(Actor by, String detail) {
        return new WebhookAudited(by, "WEBHOOK_CONFIGURED", "webhook", detail);
    }

    static WebhookAudited delivered(long notificationId, String detail) {
        return new WebhookAudited(Actor.SYSTEM, "WEBHOOK_DELIVERED", "notification " + notificationId, detail);
    }

    static WebhookAudited failed(long notificationId, String detail) {
        return new WebhookAudited(Actor.SYSTEM, "WEBHOOK_FAILED", "notification " + notificationId, detail);
    }
}
