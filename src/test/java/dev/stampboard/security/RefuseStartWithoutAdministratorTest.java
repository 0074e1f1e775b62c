package dev.stampboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The refusal before the start ({@link RefuseStartWithoutAdministrator}) on in-memory H2 databases set up here: it
 * refuses a production start whose database has no administrator and whose secret is missing or short, and lets every
 * other start go on, above all a restart without the secret on a database that already has its administrator. The
 * real start's refusal (a console process, Boot's failure report, the database left unmigrated) is
 * {@link ProductionProfilesTest}'s.
 */
class RefuseStartWithoutAdministratorTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** A new in-memory database, kept while the test runs; {@code setUp} runs on it first. */
    private static String database(String... setUp) {
        String url = "jdbc:h2:mem:refuse-start-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        JdbcClient db = JdbcClient.create(new SingleConnectionDataSource(url, "sa", "", true));
        for (String sql : setUp) {
            db.sql(sql).update();
        }
        return url;
    }

    private static final String USERS = "create table app_user (username varchar(64) primary key,"
            + " password_hash varchar(100), roles varchar(255) not null, customer varchar(64))";

    /** The listener's answer to a start with these properties. */
    private static void start(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(properties)));
        new RefuseStartWithoutAdministrator()
                .onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                        new DefaultBootstrapContext(), new SpringApplication(), new String[0], env));
    }

    private static Map<String, Object> production(String url, String password) {
        Map<String, Object> p = new HashMap<>(Map.of(
                "stampboard.security.demo-users", "false",
                "spring.datasource.url", url,
                "spring.datasource.username", "sa",
                "spring.datasource.password", ""));
        if (password != null) {
            p.put("stampboard.security.initial-admin.password", password);
        }
        return p;
    }

    @Test
    void a_first_start_without_the_secret_is_refused_before_anything_starts() {
        assertThatThrownBy(() -> start(production(database(), null)))
                .isInstanceOf(NoAdministrator.class)
                .hasMessageContaining("no administrator yet");
        assertThatThrownBy(() -> start(production(database(), "  ")))
                .as("a blank secret is no secret")
                .isInstanceOf(NoAdministrator.class)
                .hasMessageContaining("no administrator yet");
    }

    @Test
    void a_short_secret_is_refused_when_the_users_include_no_administrator() {
        String users = database(USERS, "insert into app_user values ('alice', 'x', 'ENGINEER,SUPPORT,VIEWER', null)");
        assertThatThrownBy(() -> start(production(users, "elevenchars")))
                .isInstanceOf(NoAdministrator.class)
                .hasMessageContaining("shorter than 12 characters");
    }

    @Test
    void a_restart_without_the_secret_goes_on_when_the_database_has_its_administrator() {
        String users = database(
                USERS,
                "insert into app_user values ('alice', 'x', 'ENGINEER,VIEWER', null)",
                "insert into app_user values ('admin', 'x', 'ADMIN,ENGINEER,SUPPORT,VIEWER', null)");
        assertThatNoException().isThrownBy(() -> start(production(users, null)));
        assertThatNoException().isThrownBy(() -> start(production(users, "short")));
    }

    @Test
    void a_valid_secret_a_demo_profile_or_an_unreadable_database_leave_the_decision_to_the_start() {
        assertThatNoException().isThrownBy(() -> start(production(database(), "twelve chars")));
        Map<String, Object> demo = production(database(), null);
        demo.put("stampboard.security.demo-users", "true");
        assertThatNoException().isThrownBy(() -> start(demo));
        assertThatNoException()
                .as("no database to ask: the start fails or decides later, as without this check")
                .isThrownBy(() -> start(production("jdbc:postgresql://127.0.0.1:1/nobody", null)));
        assertThatNoException().isThrownBy(() -> start(Map.of()));
    }

    @Test
    void an_administrator_is_read_as_the_user_store_reads_roles() {
        String onlyViewers = database(USERS, "insert into app_user values ('dave', 'x', 'VIEWER', null)");
        assertThat(RefuseStartWithoutAdministrator.databaseHasAnAdministrator(onlyViewers, "sa", ""))
                .contains(false);
        assertThat(RefuseStartWithoutAdministrator.databaseHasAnAdministrator(database(), "sa", ""))
                .as("no users' table: a first start")
                .contains(false);
        String admins = database(USERS, "insert into app_user values ('erin', 'x', 'VIEWER,ADMIN', null)");
        assertThat(RefuseStartWithoutAdministrator.databaseHasAnAdministrator(admins, "sa", ""))
                .contains(true);
    }
}
