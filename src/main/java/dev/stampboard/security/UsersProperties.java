package dev.stampboard.security;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code stampboard.users.<name>}: password, roles and, for a customer user, the customer it acts for. */
@ConfigurationProperties("stampboard")
record UsersProperties(Map<String, ConfiguredUser> users) {

    UsersProperties {
        users = users == null ? Map.of() : users;
    }

    record ConfiguredUser(
            String password, List<Role> roles, @Nullable String customer) {}
}
