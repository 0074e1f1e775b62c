/**
 * The append-only audit log: who decided what, when and why. Other modules record entries
 * through {@link dev.stampboard.audit.AuditLog}; nothing updates or deletes a row.
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.audit;
