package dev.stampboard.security;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stampboard.security.sso.*}: how an identity provider's tokens become console users. The
 * provider itself is configured the Spring Boot way ({@code spring.security.oauth2.client.*} for the
 * browser, {@code spring.security.oauth2.resourceserver.jwt.*} for the API); see the README.
 * <ul>
 * <li>{@code roleClaim}: the claim that carries the user's app roles or groups: {@code roles} for Microsoft
 * Entra ID app roles, {@code groups} for group object ids.</li>
 * <li>{@code roleMapping}: claim value → console role, e.g. {@code Stampboard.Engineer: ENGINEER} or a group's
 * object id → {@code SUPPORT}. Without a mapping a value that names a role ({@code engineer}) is that role.</li>
 * <li>{@code usernameClaim}: the claim shown and audited as the user's name ({@code preferred_username}: the
 * sign-in address in Entra ID).</li>
 * </ul>
 */
@ConfigurationProperties("stampboard.security.sso")
record SingleSignOnProperties(String roleClaim, Map<String, Role> roleMapping, String usernameClaim) {

    SingleSignOnProperties(
            @Nullable String roleClaim, @Nullable Map<String, Role> roleMapping, @Nullable String usernameClaim) {
        this.roleClaim = roleClaim == null || roleClaim.isBlank() ? "roles" : roleClaim.strip();
        this.roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
        this.usernameClaim =
                usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim.strip();
    }
}
