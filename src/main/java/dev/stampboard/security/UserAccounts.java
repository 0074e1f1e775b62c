package dev.stampboard.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user store. Configured users are written at start-up with a BCrypt hash; a changed
 * configured password replaces the stored hash. Plain passwords are never stored.
 */
@Service
class UserAccounts implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final UsersProperties properties;

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, UsersProperties properties) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.properties = properties;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Transactional
    public void syncConfiguredUsers() {
        properties.users().forEach((name, user) -> {
            Optional<String> storedHash = jdbc.sql("select password_hash from app_user where username = ?")
                    .param(name).query(String.class).optional();
            String roles = user.roles().stream().flatMap(r -> r.withImplied().stream()).distinct()
                    .map(Enum::name).sorted().collect(Collectors.joining(","));
            if (storedHash.isEmpty()) {
                jdbc.sql("insert into app_user (username, password_hash, roles, customer) values (?, ?, ?, ?)")
                        .params(name, encoder.encode(user.password()), roles, user.customer()).update();
            } else {
                String hash = encoder.matches(user.password(), storedHash.get()) ? storedHash.get() : encoder.encode(user.password());
                jdbc.sql("update app_user set password_hash = ?, roles = ?, customer = ? where username = ?")
                        .params(hash, roles, user.customer(), name).update();
            }
        });
        log.info("User store holds {} configured users", properties.users().size());
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select username, password_hash, roles from app_user where username = ?")
                .param(username)
                .query((rs, i) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .authorities(roles(rs.getString("roles")).stream()
                                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList())
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
    }

    @Nullable
    String customerOf(String username) {
        return jdbc.sql("select customer from app_user where username = ?").param(username)
                .query(String.class).optional().orElse(null);
    }

    List<String> usernames() {
        return jdbc.sql("select username from app_user order by username").query(String.class).list();
    }

    private static Set<Role> roles(String csv) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).map(String::trim).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
