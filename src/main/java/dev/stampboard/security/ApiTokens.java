package dev.stampboard.security;

import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for scripts: created by a signed-in user, shown once, stored as a SHA-256 of the
 * secret, each with an expiry and roles, revocable. A personal token acts as its owner with at most
 * the owner's current roles; a service token (created by an admin) acts as {@code service:<name>}.
 * Checking one costs a hash and an indexed lookup, not a BCrypt.
 */
@Service
public class ApiTokens {

    /** What every token starts with, so a leaked one is recognisable (and a scanner can find it). */
    static final String PREFIX = "sbt_";

    static final Duration MAX_VALIDITY = Duration.ofDays(365);
    private static final Duration LAST_USED_GRAIN = Duration.ofMinutes(1);

    public enum Kind {
        PERSONAL,
        SERVICE
    }

    /** A token as listed: never its secret. */
    public record TokenInfo(
            String id,
            String name,
            Kind kind,
            String owner,
            Set<Role> roles,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant revokedAt,
            @Nullable Instant lastUsedAt) {}

    /** The one moment the secret is shown. */
    public record NewToken(TokenInfo token, String secret) {}

    /** Who a presented token acts as. */
    record Bearer(String principal, Set<Role> roles) {}

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final UserAccounts users;
    private final ApplicationEventPublisher events;
    private final Clock wallClock = Clock.systemUTC(); // expiries are real time, never the simulated clock
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, CurrentUser currentUser, UserAccounts users, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.users = users;
        this.events = events;
    }

    /**
     * Creates a token for the signed-in user (personal) or, for an admin, a service token. A personal
     * token's roles must be the owner's own; with none given it gets all of them.
     */
    @Secured({Role.Authority.VIEWER, Role.Authority.CUSTOMER, Role.Authority.INGEST})
    @Transactional
    public NewToken create(String name, Kind kind, Set<Role> roles, Duration validFor) {
        String owner = currentUser.name();
        if (name == null || name.isBlank() || name.strip().length() > 48) {
            throw new InvalidInputException("name: 1–48 characters, so you recognise the token when you revoke it");
        }
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX_VALIDITY) > 0) {
            throw new InvalidInputException("validFor: between a minute and 365 days");
        }
        Set<Role> own = currentUser.roles();
        Set<Role> granted = roles.isEmpty() ? own : EnumSet.copyOf(roles);
        if (kind == Kind.SERVICE) {
            if (!own.contains(Role.ADMIN)) {
                throw new AccessDeniedException("Only an administrator creates service tokens");
            }
            if (roles.isEmpty()) {
                throw new InvalidInputException("roles: name the roles the service needs");
            }
            if (granted.contains(Role.ADMIN)) {
                throw new InvalidInputException("roles: a service token cannot administer users or settings");
            }
        } else if (!own.containsAll(granted)) {
            throw new InvalidInputException("roles: a personal token gets at most your own roles " + own);
        }
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        String id = UUID.randomUUID().toString();
        Instant now = wallClock.instant();
        Instant expires = now.plus(validFor);
        jdbc.sql("insert into api_token (id, name, kind, owner, token_hash, roles, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, name.strip(), kind.name(), owner, hash(secret), csv(granted), utc(now), utc(expires))
                .update();
        events.publishEvent(AccountChanged.tokenCreated(
                currentUser.actor(),
                kind.name().toLowerCase() + " token " + name.strip(),
                "roles " + csv(granted) + ", expires " + expires));
        return new NewToken(new TokenInfo(id, name.strip(), kind, owner, granted, now, expires, null, null), secret);
    }

    /** The signed-in user's tokens; an admin sees everyone's. */
    @Secured({Role.Authority.VIEWER, Role.Authority.CUSTOMER, Role.Authority.INGEST})
    @Transactional(readOnly = true)
    public List<TokenInfo> list() {
        String sql = "select * from api_token" + (currentUser.has(Role.ADMIN) ? "" : " where owner = ?")
                + " order by created_at desc";
        var query = jdbc.sql(sql);
        if (!currentUser.has(Role.ADMIN)) {
            query = query.param(currentUser.name());
        }
        return query.query((rs, i) -> new TokenInfo(
                        rs.getString("id"),
                        rs.getString("name"),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("owner"),
                        roles(rs.getString("roles")),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class)),
                        instant(rs.getObject("last_used_at", OffsetDateTime.class))))
                .list();
    }

    /** Revokes a token at once: its owner or an admin. */
    @Secured({Role.Authority.VIEWER, Role.Authority.CUSTOMER, Role.Authority.INGEST})
    @Transactional
    public void revoke(String id) {
        String actor = currentUser.name();
        TokenInfo token = list().stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No API token with id '" + id + "'"));
        if (token.revokedAt() != null) {
            return;
        }
        jdbc.sql("update api_token set revoked_at = ?, revoked_by = ? where id = ?")
                .params(utc(wallClock.instant()), actor, id)
                .update();
        events.publishEvent(AccountChanged.tokenRevoked(
                currentUser.actor(),
                token.kind().name().toLowerCase() + " token " + token.name(),
                "owner " + token.owner()));
    }

    /** Who a presented secret acts as, if it is a live token (not revoked, not expired, owner still there). */
    @Transactional
    Optional<Bearer> authenticate(String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = wallClock.instant();
        record Row(
                String id,
                String name,
                Kind kind,
                String owner,
                Set<Role> roles,
                Instant expires,
                @Nullable Instant revoked,
                @Nullable Instant lastUsed) {}
        Optional<Row> row = jdbc.sql("select * from api_token where token_hash = ?")
                .param(hash(secret))
                .query((rs, i) -> new Row(
                        rs.getString("id"),
                        rs.getString("name"),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("owner"),
                        roles(rs.getString("roles")),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class)),
                        instant(rs.getObject("last_used_at", OffsetDateTime.class))))
                .optional();
        if (row.isEmpty() || row.get().revoked() != null || !row.get().expires().isAfter(now)) {
            return Optional.empty();
        }
        Row t = row.get();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(t.roles());
        String principal;
        if (t.kind() == Kind.PERSONAL) {
            // the owner's roles today bound the token: a demoted or removed user's tokens shrink or stop
            Set<Role> ownerRoles = users.rolesOf(t.owner());
            roles.retainAll(ownerRoles);
            principal = t.owner();
        } else {
            principal = "service:" + t.name();
        }
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        if (t.lastUsed() == null || t.lastUsed().plus(LAST_USED_GRAIN).isBefore(now)) {
            jdbc.sql("update api_token set last_used_at = ? where id = ?")
                    .params(utc(now), t.id())
                    .update();
        }
        return Optional.of(new Bearer(principal, roles));
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String csv(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> roles(String csv) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : csv.split(",")) {
            if (!r.isBlank()) {
                roles.add(Role.valueOf(r.strip()));
            }
        }
        return roles;
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
