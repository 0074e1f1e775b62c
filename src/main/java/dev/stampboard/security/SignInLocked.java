package dev.stampboard.security;

import dev.stampboard.audit.Audited;
import dev.stampboard.base.Actor;

/** Failed sign-ins locked a user name or a source address for a while. */
public record SignInLocked(String username, String address, long seconds) implements Audited {

    @Override
    public Actor actor() {
        return Actor.SYSTEM;
    }

    @Override
    public String action() {
        return "SIGN_IN_LOCKED";
    }

    @Override
    public String subject() {
        return "user " + username;
    }

    @Override
    public String auditDetail() {
        return "failed sign-ins for this user or from " + address + "; locked for " + seconds + " s";
    }
}
