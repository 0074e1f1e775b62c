package dev.stampboard.audit.api;

import dev.stampboard.audit.AuditEntry;
import dev.stampboard.audit.AuditLog;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.security.Role;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** DESIGN §11: {@code GET /api/v1/audit?since=} — the audit log, newest first. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    @Secured(Role.Authority.VIEWER)
    List<AuditEntry> audit(
            @RequestParam(required = false) @Nullable String since,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(defaultValue = "500") int limit) {
        Instant from = null;
        if (since != null) {
            try {
                from = Instant.parse(since);
            } catch (DateTimeException e) {
                throw new InvalidInputException("'since' must be an ISO-8601 UTC instant such as 2026-11-26T00:00:00Z");
            }
        }
        if (limit < 1 || limit > 5000) {
            throw new InvalidInputException("'limit' must be between 1 and 5000");
        }
        return audit.search(actor, action, null, from, limit);
    }
}
