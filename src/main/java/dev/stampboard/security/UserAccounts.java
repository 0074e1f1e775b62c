package dev.stampboard.security;

import dev.stampboard.base.Actor;
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
import org.springframework.context.ApplicationEventPublisher;
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
    private final SecurityProperties security;
    private final ApplicationEventPublisher events;

    UserAccounts(
            JdbcClient jdbc,
            PasswordEncoder encoder,
            UsersProperties properties,
            SecurityProperties security,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.properties = properties;
        this.security = security;
        this.events = events;
    }

    /**
     * Demo profile: the configured demo users, as configured. Production profiles: no demo user
     * (one left by an earlier start with its demo password is removed) and, on the first start, the
     * initial administrator from a secret; with neither an administrator nor its password the start stops.
     */
    @EventListener(ApplicationStartedEvent.class)
    @Transactional
    public void prepareUsers() {
        oneInstanceAtATime();
        if (security.demoUsers()) {
            syncConfiguredUsers();
        } else {
            retireDemoUsers();
        }
        ensureAnAdministrator();
    }

    /**
     * Several console instances starting at once on one PostgreSQL (two replicas of a deployment) would both find no
     * administrator and both insert it: the second start would fail on the primary key. A transaction-scoped advisory
     * lock lets them prepare the users one after the other. An H2 file database serves one instance.
     */
    private void oneInstanceAtATime() {
        String product = jdbc.sql("select 1")
                .query((rs, n) -> {
                    try {
                        return rs.getStatement().getConnection().getMetaData().getDatabaseProductName();
                    } catch (java.sql.SQLException e) {
                        return "";
                    }
                })
                .single();
        if (product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            jdbc.sql("select pg_advisory_xact_lock(" + USERS_LOCK + ")")
                    .query((rs, n) -> 1)
                    .list();
        }
    }

    /** The advisory lock key of {@link #prepareUsers} (any number the console uses for nothing else). */
    private static final long USERS_LOCK = 1_802_202_612L;

    private void syncConfiguredUsers() {
        properties.users().forEach((name, user) -> {
            Optional<String> storedHash = jdbc.sql("select password_hash from app_user where username = ?")
                    .param(name)
                    .query(String.class)
                    .optional();
            String roles = roleList(user.roles());
            if (storedHash.isEmpty()) {
                jdbc.sql("insert into app_user (username, password_hash, roles, customer) values (?, ?, ?, ?)")
                        .params(name, encoder.encode(user.password()), roles, user.customer())
                        .update();
            } else {
                String hash = encoder.matches(user.password(), storedHash.get())
                        ? storedHash.get()
                        : encoder.encode(user.password());
                jdbc.sql("update app_user set password_hash = ?, roles = ?, customer = ? where username = ?")
                        .params(hash, roles, user.customer(), name)
                        .update();
            }
        });
        log.info("User store holds {} configured demo users", properties.users().size());
    }

    private void retireDemoUsers() {
        properties
                .users()
                .forEach((name, user) -> jdbc.sql("select password_hash from app_user where username = ?")
                        .param(name)
                        .query(String.class)
                        .optional()
                        .filter(hash -> encoder.matches(user.password(), hash))
                        .ifPresent(hash -> {
                            jdbc.sql("delete from app_user where username = ?")
                                    .param(name)
                                    .update();
                            events.publishEvent(AccountChanged.userRemoved(
                                    name, "a demo user with its demo password in a production profile"));
                            log.warn("Removed demo user {}: it still had its demo password", name);
                        }));
    }

    private void ensureAnAdministrator() {
        boolean hasAdmin = jdbc.sql("select roles from app_user").query(String.class).list().stream()
                .anyMatch(roles -> roles(roles).contains(Role.ADMIN));
        if (hasAdmin) {
            return;
        }
        SecurityProperties.InitialAdmin admin = security.initialAdmin();
        String password = admin.password();
        // RefuseStartWithoutAdministrator refused this before the start when the database held no administrator at
        // all; here also when the only ones were demo users just retired
        Optional<String> refusal = InitialAdministrator.refusal(false, password);
        if (refusal.isPresent() || password == null) { // a missing password is always a refusal
            throw new NoAdministrator(refusal.orElseThrow());
        }
        jdbc.sql("delete from app_user where username = ?")
                .param(admin.username())
                .update();
        jdbc.sql("insert into app_user (username, password_hash, roles, customer) values (?, ?, ?, null)")
                .params(admin.username(), encoder.encode(password), roleList(List.of(Role.ADMIN)))
                .update();
        events.publishEvent(
                AccountChanged.userCreated(admin.username(), "initial administrator, password from the environment"));
        log.info("Created the initial administrator '{}'", admin.username());
    }

    static String roleList(java.util.Collection<Role> roles) {
        return roles.stream()
                .flatMap(r -> r.withImplied().stream())
                .distinct()
                .map(Enum::name)
                .sorted()
                .collect(Collectors.joining(","));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        // single-sign-on users have no password here; a disabled user is refused after the password check
        return jdbc.sql("select username, password_hash, roles, enabled from app_user"
                        + " where username = ? and source = 'LOCAL' and password_hash is not null")
                .param(username)
                .query((rs, i) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .authorities(roles(rs.getString("roles")).stream()
                                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                                .toList())
                        .disabled(!rs.getBoolean("enabled"))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
    }

    /**
     * A person the identity provider signed in: listed as a single-sign-on user with the roles their token
     * carried (which also bound their personal API tokens). Refused when an administrator disabled them, or when
     * the name is a local user's (the provider must not take over a local account).
     */
    @Transactional
    void recordSingleSignOn(String username, Set<Role> roles) {
        if (username.length() > 64) {
            throw new SingleSignOnRefused("The user name from the identity provider is longer than 64 characters");
        }
        record Row(String source, boolean enabled, String roles) {}
        Optional<Row> row = jdbc.sql("select source, enabled, roles from app_user where username = ?")
                .param(username)
                .query((rs, i) -> new Row(rs.getString("source"), rs.getBoolean("enabled"), rs.getString("roles")))
                .optional();
        String roleList = roleList(roles);
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        if (row.isEmpty()) {
            jdbc.sql("insert into app_user (username, password_hash, roles, customer, enabled, source, last_sign_in_at)"
                            + " values (?, null, ?, null, true, 'SSO', ?)")
                    .params(username, roleList, now)
                    .update();
            events.publishEvent(new AccountChanged(
                    Actor.user(username),
                    "USER_CREATED",
                    username,
                    "first sign-in through single sign-on, roles " + roleList));
            return;
        }
        if (!"SSO".equals(row.get().source())) {
            throw new SingleSignOnRefused("'" + username + "' is a local console user; an administrator must rename or"
                    + " remove that user before this identity can sign in");
        }
        if (!row.get().enabled()) {
            throw new SingleSignOnRefused("An administrator has disabled " + username + " in the console");
        }
        jdbc.sql("update app_user set roles = ?, last_sign_in_at = ? where username = ?")
                .params(roleList, now, username)
                .update();
        if (!roleList.equals(row.get().roles())) {
            events.publishEvent(new AccountChanged(
                    Actor.user(username),
                    "USER_ROLES_CHANGED",
                    username,
                    row.get().roles() + " -> " + roleList + " (from the identity provider)"));
        }
    }

    /** An administrator disabled this user (an unknown name is not disabled: its token's roles decide). */
    boolean disabled(String username) {
        return jdbc.sql("select enabled from app_user where username = ?")
                .param(username)
                .query(Boolean.class)
                .optional()
                .map(enabled -> !enabled)
                .orElse(false);
    }

    @Nullable
    String customerOf(String username) {
        return jdbc.sql("select customer from app_user where username = ?")
                .param(username)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    List<String> usernames() {
        return jdbc.sql("select username from app_user order by username")
                .query(String.class)
                .list();
    }

    /** The user's roles now; none when the user no longer exists or is disabled. */
    Set<Role> rolesOf(String username) {
        return jdbc.sql("select roles from app_user where username = ? and enabled")
                .param(username)
                .query(String.class)
                .optional()
                .map(UserAccounts::roles)
                .orElse(EnumSet.noneOf(Role.class));
    }

    static Set<Role> roles(String csv) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(csv.split(","))
                .filter(s -> !s.isBlank())
                .map(String::trim)
                .map(Role::valueOf)
                .forEach(roles::add);
        return roles;
    }
}
