package dev.stampboard.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
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
