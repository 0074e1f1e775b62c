package dev.stampboard.audit;

import java.time.Instant;

/** One recorded decision or action. */
public record AuditEntry(long id, Instant at, String actor, String action, String subject, String detail) {}
