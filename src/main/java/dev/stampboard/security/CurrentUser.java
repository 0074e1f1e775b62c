package dev.stampboard.security;

import dev.stampboard.base.Actor;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user as the rest of the console needs it: name, roles and the customer it acts for. */
@Component
public class CurrentUser {

    private final UserAccounts accounts;

    CurrentUser(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public String name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "anonymous" : auth.getName();
    }

    /** The signed-in user as the actor of what they do. */
    public Actor actor() {
        return Actor.user(name());
    }

    public Set<Role> roles() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (auth != null) {
            for (GrantedAuthority a : auth.getAuthorities()) {
                String name = a.getAuthority();
                if (name != null && name.startsWith("ROLE_")) {
                    try {
                        roles.add(Role.valueOf(name.substring(5)));
                    } catch (IllegalArgumentException ignored) {
                        // an authority that is not one of ours (e.g. a framework's) grants nothing here
                    }
                }
            }
        }
        return roles;
    }

    /**
     * The role check of a service method that the console also calls for itself. A system actor is
     * not checked: views and the API never hold one (an architecture test keeps it so). A person must
     * be the signed-in user and hold one of the roles.
     */
    public void requireRole(Actor actor, Role... anyOf) {
        if (actor.isSystem()) {
            return;
        }
        Set<Role> held = roles();
        if (!actor.name().equals(name()) || java.util.Arrays.stream(anyOf).noneMatch(held::contains)) {
            throw new AccessDeniedException(
                    actor.name() + " may not do this; it needs one of the roles " + java.util.Arrays.toString(anyOf));
        }
    }

    public boolean has(Role role) {
        return roles().contains(role);
    }

    /** Staff see every customer's data; a customer user only its own. Empty means "no restriction". */
    public Optional<String> restrictedToCustomer() {
        if (has(Role.VIEWER)) {
            return Optional.empty();
        }
        @Nullable String customer = accounts.customerOf(name());
        // a customer user without a customer sees nothing rather than everything
        return Optional.of(customer == null ? "\u0000none" : customer);
    }
}
