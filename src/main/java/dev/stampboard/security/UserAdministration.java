package dev.stampboard.security;

import dev.stampboard.base.ConflictException;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does with users in the console (DESIGN §9): list, add, disable and enable, reset a
 * password, change roles, and switch local sign-in off once single sign-on works. The console never locks
 * itself out: the last enabled administrator cannot be disabled or demoted, and local sign-in cannot be
 * switched off without a configured identity provider. Every change is audited.
 */
@Service
public class UserAdministration {

    /** Passwords set in the console are at least this long; the demo's short ones come from configuration. */
    public static final int MIN_PASSWORD = 12;

    private static final String LOCAL_SIGN_IN_SETTING = LocalSignInSetting.NAME;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    public enum Source {
        LOCAL,
        SSO
    }

    /** A user as an admin sees it: never its password hash. */
    public record UserInfo(
            String username,
            Source source,
            Set<Role> roles,
            @Nullable String customer,
            boolean enabled,
            @Nullable Instant lastSignInAt) {}

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final CurrentUser currentUser;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final ObjectProvider<ClientRegistrationRepository> identityProviders;
    private final LocalSignInSetting localSignIn;

    UserAdministration(
            JdbcClient jdbc,
            PasswordEncoder encoder,
            CurrentUser currentUser,
            org.springframework.context.ApplicationEventPublisher events,
            ObjectProvider<ClientRegistrationRepository> identityProviders,
            LocalSignInSetting localSignIn) {
        this.localSignIn = localSignIn;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.currentUser = currentUser;
        this.events = events;
        this.identityProviders = identityProviders;
    }

    @Secured(Role.Authority.ADMIN)
    @Transactional(readOnly = true)
    public List<UserInfo> list() {
        return jdbc.sql("select * from app_user order by username")
                .query(UserAdministration::user)
                .list();
    }

    /** A new local user; a CUSTOMER needs the customer it acts for, staff have none. */
    @Secured(Role.Authority.ADMIN)
    @Transactional
    public UserInfo add(String username, String password, Set<Role> roles, @Nullable String customer) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidInputException(
                    "User name: 1–64 letters, digits or . _ @ -, starting with a letter or digit");
        }
        checkPassword(password);
        String forCustomer = customerFor(roles, customer);
        if (find(name).isPresent()) {
            throw new ConflictException("A user named '" + name + "' exists already");
        }
        jdbc.sql("insert into app_user (username, password_hash, roles, customer, enabled, source)"
                        + " values (?, ?, ?, ?, true, 'LOCAL')")
                .params(name, encoder.encode(password), UserAccounts.roleList(roles), forCustomer)
                .update();
        audited(
                "USER_CREATED",
                name,
                "roles " + UserAccounts.roleList(roles) + (forCustomer == null ? "" : ", customer " + forCustomer));
        return find(name).orElseThrow();
    }

    /** Disables or enables a user: a disabled one cannot sign in and its personal API tokens stop working. */
    @Secured(Role.Authority.ADMIN)
    @Transactional
    public UserInfo setEnabled(String username, boolean enabled) {
        UserInfo user = existing(username);
        if (user.enabled() == enabled) {
            return user;
        }
        if (!enabled) {
            if (username.equals(currentUser.name())) {
                throw new InvalidInputException("You cannot disable yourself; another administrator can");
            }
            keepAnAdministrator(user, false);
        }
        jdbc.sql("update app_user set enabled = ? where username = ?")
                .params(enabled, username)
                .update();
        audited(
                enabled ? "USER_ENABLED" : "USER_DISABLED",
                username,
                enabled ? "may sign in again" : "can no longer sign in; personal API tokens stop working");
        return existing(username);
    }

    /** Sets a new password for a local user (the admin tells it to the user, who should change it). */
    @Secured(Role.Authority.ADMIN)
    @Transactional
    public void resetPassword(String username, String password) {
        UserInfo user = existing(username);
        if (user.source() != Source.LOCAL) {
            throw new InvalidInputException(
                    username + " signs in through the identity provider and has no password here");
        }
        checkPassword(password);
        jdbc.sql("update app_user set password_hash = ? where username = ?")
                .params(encoder.encode(password), username)
                .update();
        audited("USER_PASSWORD_RESET", username, "a new password set by an administrator");
    }

    /**
     * New roles for a local user. A single-sign-on user's roles come from the identity provider at each sign-in,
     * so they are changed there.
     */
    @Secured(Role.Authority.ADMIN)
    @Transactional
    public UserInfo changeRoles(String username, Set<Role> roles, @Nullable String customer) {
        UserInfo user = existing(username);
        if (user.source() != Source.LOCAL) {
            throw new InvalidInputException(username + "'s roles come from the identity provider; change them there");
        }
        String forCustomer = customerFor(roles, customer);
        keepAnAdministrator(user, roles.contains(Role.ADMIN));
        jdbc.sql("update app_user set roles = ?, customer = ? where username = ?")
                .params(UserAccounts.roleList(roles), forCustomer, username)
                .update();
        audited(
                "USER_ROLES_CHANGED",
                username,
                UserAccounts.roleList(user.roles()) + " -> " + UserAccounts.roleList(roles)
                        + (forCustomer == null ? "" : ", customer " + forCustomer));
        return existing(username);
    }

    /** Whether console users may sign in with a password (the login form and HTTP Basic on the API). */
    public boolean localSignInEnabled() {
        return localSignIn.enabled();
    }

    /** Whether an identity provider is configured for browser sign-in. */
    public boolean singleSignOnConfigured() {
        return identityProviders.getIfAvailable() != null;
    }

    /**
     * Switches password sign-in of local users on or off. Off needs single sign-on, and the admin doing it must
     * not be a local user who would lock themself out: they switch it off signed in through the identity provider.
     */
    @Secured(Role.Authority.ADMIN)
    @Transactional
    public void setLocalSignIn(boolean enabled) {
        if (enabled == localSignInEnabled()) {
            return;
        }
        if (!enabled) {
            if (!singleSignOnConfigured()) {
                throw new InvalidInputException("Configure single sign-on first: without it nobody could sign in");
            }
            if (find(currentUser.name()).map(u -> u.source() != Source.SSO).orElse(true)) {
                throw new InvalidInputException("Sign in through single sign-on as an administrator first, so that"
                        + " switching local sign-in off cannot lock you out");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (jdbc.sql("update security_setting set setting_value = ?, updated_at = ?, updated_by = ? where name = ?")
                        .params(Boolean.toString(enabled), now, currentUser.name(), LOCAL_SIGN_IN_SETTING)
                        .update()
                == 0) {
            jdbc.sql("insert into security_setting (name, setting_value, updated_at, updated_by) values (?, ?, ?, ?)")
                    .params(LOCAL_SIGN_IN_SETTING, Boolean.toString(enabled), now, currentUser.name())
                    .update();
        }
        audited(
                "SETTING_CHANGED",
                LOCAL_SIGN_IN_SETTING,
                enabled
                        ? "local users may sign in with a password again"
                        : "only single sign-on and API tokens sign in");
    }

    /** The audit log records it, in this transaction (security never writes the log itself). */
    private void audited(String action, String subject, String detail) {
        events.publishEvent(new AccountChanged(currentUser.actor(), action, subject, detail));
    }

    private void keepAnAdministrator(UserInfo user, boolean staysAdministrator) {
        if (staysAdministrator || !user.enabled() || !user.roles().contains(Role.ADMIN)) {
            return;
        }
        long otherAdmins = list().stream()
                .filter(u -> u.enabled()
                        && u.roles().contains(Role.ADMIN)
                        && !u.username().equals(user.username()))
                .count();
        if (otherAdmins == 0) {
            throw new ConflictException(user.username() + " is the last enabled administrator; make another one first");
        }
    }

    private static void checkPassword(@Nullable String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 128) {
            throw new InvalidInputException("Password: " + MIN_PASSWORD + "–128 characters");
        }
    }

    private static @Nullable String customerFor(Set<Role> roles, @Nullable String customer) {
        if (roles.isEmpty()) {
            throw new InvalidInputException("Roles: give the user at least one role");
        }
        String c = customer == null || customer.isBlank() ? null : customer.strip();
        if (roles.contains(Role.CUSTOMER)) {
            if (roles.size() > 1) {
                throw new InvalidInputException("Roles: a customer user has the CUSTOMER role only");
            }
            if (c == null || c.length() > 64) {
                throw new InvalidInputException(
                        "Customer: name the customer this user acts for (at most 64 characters)");
            }
            return c;
        }
        return null;
    }

    private Optional<UserInfo> find(String username) {
        return jdbc.sql("select * from app_user where username = ?")
                .param(username)
                .query(UserAdministration::user)
                .optional();
    }

    /** An {@code app_user} row as shown and returned. */
    private static UserInfo user(ResultSet rs, int row) throws SQLException {
        return new UserInfo(
                rs.getString("username"),
                Source.valueOf(rs.getString("source")),
                UserAccounts.roles(rs.getString("roles")),
                rs.getString("customer"),
                rs.getBoolean("enabled"),
                Optional.ofNullable(rs.getObject("last_sign_in_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant)
                        .orElse(null));
    }

    private UserInfo existing(String username) {
        return find(username).orElseThrow(() -> new NotFoundException("No user '" + username + "'"));
    }
}
