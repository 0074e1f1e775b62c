package dev.stampboard.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every {@link Audited} event. A plain (synchronous) listener on purpose: it runs in the
 * publisher's thread and transaction, so the entry is written exactly when the change commits.
 */
@Component
class AuditTrail {

    private final AuditLog log;

    AuditTrail(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(Audited event) {
        log.record(event.actor().name(), event.action(), event.subject(), event.auditDetail());
    }
}
