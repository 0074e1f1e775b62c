package dev.stampboard.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A production start (no demo users) without a valid administrator's secret, on a database with no administrator,
 * stops before the application context exists: no migration, no web server, no Vaadin, just Boot's failure report
 * ({@link NoAdministratorFailureAnalyzer}) about a second after {@code java -jar}, and the database untouched, where
 * the same refusal at {@link UserAccounts#prepareUsers} came after the whole start (two refused starts in one JVM:
 * 22.7 CPU-s, now 1.7; README "Tests"). The database is asked only when the secret is missing or too short, so a start
 * with a valid secret, or any demo-profile start, costs nothing here.
 *
 * <p>It refuses only what {@link UserAccounts} would refuse: a database without the users' table (a first start) or
 * whose users include no administrator. When some user has the ADMIN role, or the database cannot be read now, the
 * start goes on and {@link UserAccounts} decides as before (it also retires demo administrators still on their demo
 * password, which may leave none). One difference: a replica started without the secret beside one with it, on a new
 * database, may refuse here before the other has created the administrator; its restart then finds it.
 */
class RefuseStartWithoutAdministrator implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** Undefined table: PostgreSQL, H2. */
    private static final Set<String> NO_SUCH_TABLE = Set.of("42P01", "42S02", "42S03", "42S04");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        SecurityProperties security = Binder.get(env)
                .bind("stampboard.security", SecurityProperties.class)
                .orElse(null);
        if (security == null || security.demoUsers()) {
            return;
        }
        String password = security.initialAdmin().password();
        if (InitialAdministrator.passwordSuffices(password)) {
            return;
        }
        String url = env.getProperty("spring.datasource.url");
        if (url == null || url.isBlank()) {
            return;
        }
        Optional<Boolean> hasAdmin = databaseHasAnAdministrator(
                url, env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"));
        if (hasAdmin.isPresent()) {
            InitialAdministrator.refusal(hasAdmin.get(), password).ifPresent(why -> {
                throw new NoAdministrator(why);
            });
        }
    }

    /**
     * Whether the database's users include an administrator (as {@link UserAccounts} reads them); false when the
     * users' table does not exist yet; empty when the database cannot be read now.
     */
    static Optional<Boolean> databaseHasAnAdministrator(
            String url, @Nullable String username, @Nullable String password) {
        try (Connection db = DriverManager.getConnection(url, username, password);
                Statement query = db.createStatement()) {
            try (ResultSet rows = query.executeQuery("select roles from app_user")) {
                while (rows.next()) {
                    if (UserAccounts.roles(rows.getString(1)).contains(Role.ADMIN)) {
                        return Optional.of(true);
                    }
                }
                return Optional.of(false);
            } catch (SQLException e) {
                return NO_SUCH_TABLE.contains(e.getSQLState()) ? Optional.of(false) : Optional.empty();
            }
        } catch (SQLException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** After the logging system is set up, so that Boot's failure report is logged as configured. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
