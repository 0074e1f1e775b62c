package dev.stampboard.audit;

import dev.stampboard.base.Actor;

/**
 * A domain event that belongs in the audit log. Modules publish (or their aggregates register) such
 * events; {@link AuditTrail} records each one in the publisher's transaction, so an action and its
 * audit entry commit or roll back together. No module outside {@code audit} writes the log itself.
 */
public interface Audited {

    Actor actor();

    /** The audit action, e.g. {@code PLAN_APPROVED}: stable names that the audit log is filtered by. */
    String action();

    /** What the action was done to: a plan id, a stamp, a registry. */
    String subject();

    /** The human-readable detail of the entry. */
    String auditDetail();
}
