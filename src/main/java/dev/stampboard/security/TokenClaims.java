package dev.stampboard.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads who a signed-in person or script is from an identity provider's token claims: the name to show
 * and audit, and the console roles their app roles or groups map to ({@link SingleSignOnProperties}).
 */
final class TokenClaims {

    private final SingleSignOnProperties properties;
    /** Claim values compared without case: configuration keys and Entra ID's values may differ in case. */
    private final Map<String, Role> mapping = new java.util.HashMap<>();

    TokenClaims(SingleSignOnProperties properties) {
        this.properties = properties;
        properties
                .roleMapping()
                .forEach((value, role) -> mapping.put(value.strip().toLowerCase(Locale.ROOT), role));
    }

    /**
     * The configured role claim's values mapped to console roles, with what each implies. A value without a
     * mapping grants nothing, unless no mapping is configured and it names a role.
     */
    Set<Role> roles(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(claims.get(properties.roleClaim()))) {
            Role role = mapping.isEmpty()
                    ? roleNamed(value)
                    : mapping.get(value.strip().toLowerCase(Locale.ROOT));
            if (role != null) {
                roles.addAll(role.withImplied());
            }
        }
        return roles;
    }

    /**
     * The name of a person (the configured claim, then {@code upn}, {@code email}); of an application signed in
     * with its own credentials (no person's name in its token), {@code app:} and its client id; else the subject.
     */
    String username(Map<String, Object> claims) {
        for (String claim : List.of(properties.usernameClaim(), "upn", "email")) {
            if (claims.get(claim) instanceof String name && !name.isBlank()) {
                return name.strip();
            }
        }
        for (String claim : List.of("azp", "appid", "client_id")) {
            if (claims.get(claim) instanceof String app && !app.isBlank()) {
                return "app:" + app.strip();
            }
        }
        return String.valueOf(claims.get("sub"));
    }

    private static List<String> values(@Nullable Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().filter(v -> v != null).map(Object::toString).toList();
        }
        if (claim instanceof String one) {
            return List.of(one.split("[\\s,]+"));
        }
        return List.of();
    }

    private static @Nullable Role roleNamed(String value) {
        try {
            return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notARole) {
            return null;
        }
    }
}
