package dev.stampboard.security;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;

/**
 * A user account or API token was created, removed or revoked. Published in the change's transaction;
 * the audit log records it (security never writes the audit log itself).
 */
record AccountChanged(Actor actor, String action, String subject, String auditDetail) implements Audited {

    static AccountChanged userCreated(String username, String detail) {
        return new AccountChanged(Actor.SYSTEM, "USER_CREATED", username, detail);
    }

    static AccountChanged userRemoved(String username, String detail) {
        return new AccountChanged(Actor.SYSTEM, "USER_REMOVED", username, detail);
    }

    static AccountChanged tokenCreated(Actor owner, String token, String detail) {
        return new AccountChanged(owner, "API_TOKEN_CREATED", token, detail);
    }

    static AccountChanged tokenRevoked(Actor by, String token, String detail) {
        return new AccountChanged(by, "API_TOKEN_REVOKED", token, detail);
    }
}
