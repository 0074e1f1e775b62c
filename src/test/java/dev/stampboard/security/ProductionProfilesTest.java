package dev.stampboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampboard.support.ChildConsole;
import dev.stampboard.support.ChildConsoleTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Each production profile started as an operator would start it (a console process of its own, its own in-memory
 * database): no demo user exists and no demo password works, the initial administrator comes from the secret, and
 * without the secret the start stops and says why. That {@code postgres} runs no simulator and has no demo user is
 * checked on {@link SingleSignOnTest}'s console, a {@code postgres} console as well. The consoles are child JVMs
 * ({@link ChildConsole}): nothing of theirs is installed in the test JVM.
 */
@ChildConsoleTest
class ProductionProfilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> DEMO = Map.of(
            "alice",
            "alice-pw",
            "bob",
            "bob-pw",
            "carol",
            "carol-pw",
            "dave",
            "dave-pw",
            "erin",
            "erin-pw",
            "frank",
            "frank-pw",
            "collector",
            "collector-pw");
    private static final String SECRET = "correct horse battery staple";
    private static final Duration START = ChildConsole.START_BUDGET;

    @TempDir
    Path dir;

    private static ChildConsole.Builder console(String name, String profile, Map<String, String> more) {
        ChildConsole.Builder b = ChildConsole.named(name)
                .readinessAnonymous() // no demo user: dave's credentials would be refused
                .property("spring.profiles.active", profile)
                .property("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
                .property("spring.datasource.username", "sa")
                .property("spring.datasource.password", "")
                .property("stampboard.cutover.executor-enabled", false)
                // azure: a subscription that is never called (the pollers wait a day)
                .property("stampboard.azure.subscription-id", "00000000-0000-0000-0000-00000000beef")
                .property("stampboard.azure.resource-groups", "rg-none")
                .property("stampboard.azure.initial-delay", "PT24H")
                .property("stampboard.azure.dns.resource-group", "rg-dns")
                .property("stampboard.azure.dns.zone", "data.example.net");
        return b.properties(more);
    }

    /**
     * No demo user signs in with its demo password (each HTTP Basic request to {@code path} is refused with 401), and
     * the administrator signs in with {@code secret} (200: {@code path} needs a role the administrator has).
     */
    static void assertOnlyTheAdministratorSignsIn(ChildConsole console, String secret, String path) throws Exception {
        for (Map.Entry<String, String> demo : DEMO.entrySet()) {
            assertThat(console.request("GET", path, ChildConsole.basic(demo.getKey(), demo.getValue()), null)
                            .statusCode())
                    .as(demo.getKey())
                    .isEqualTo(401);
        }
        HttpResponse<String> admin = console.request("GET", path, ChildConsole.basic("admin", secret), null);
        assertThat(admin.statusCode()).as("the administrator: " + admin.body()).isEqualTo(200);
    }

    /**
     * A {@code postgres} console (its initial administrator from {@code secret}): no demo password works, no simulator
     * runs and the database holds no fake fleet. {@link SingleSignOnTest} checks this on its console first, which is
     * such a console (one console start fewer than a console of this class's own).
     */
    static void assertPostgresConsoleHasNoDemoUsersAndNoSimulator(ChildConsole console, String secret)
            throws Exception {
        // GET /api/v1/users is for ADMIN only
        assertOnlyTheAdministratorSignsIn(console, secret, "/api/v1/users");
        String admin = ChildConsole.basic("admin", secret);
        HttpResponse<String> users = console.request("GET", "/api/v1/users", admin, null);
        List<String> names = new ArrayList<>();
        JSON.readTree(users.body()).forEach(u -> names.add(u.get("username").asText()));
        assertThat(names).as("the administrator is the only user").containsExactly("admin");
        HttpResponse<String> simulator = console.request("GET", "/api/v1/simulator", admin, null);
        assertThat(simulator.statusCode()).as(simulator.body()).isEqualTo(404);
        assertThat(simulator.body()).contains("simulator is disabled");
        HttpResponse<String> stamps = console.request("GET", "/api/v1/stamps", admin, null);
        assertThat(stamps.statusCode()).isEqualTo(200);
        JsonNode fleet = JSON.readTree(stamps.body());
        assertThat(fleet.isArray()).as(stamps.body()).isTrue();
        assertThat(fleet).as("no fake fleet in the production database").isEmpty();
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD) // in order, one after another: the class is CONCURRENT, its methods not
    void azure_has_no_demo_users() throws Exception {
        // a file the test reads beside the console (AUTO_SERVER): the API answers 503 until the first Azure inventory
        String url = "jdbc:h2:file:" + dir.resolve("prod-azure") + ";AUTO_SERVER=TRUE";
        try (ChildConsole console = console(
                        "prod-azure",
                        "azure",
                        Map.of("stampboard.security.initial-admin.password", SECRET, "spring.datasource.url", url))
                // never "ready": readiness waits for the first Azure inventory, a day away here; live once the
                // ApplicationStartedEvent listeners (the initial administrator among them) have run
                .readiness("/actuator/health/liveness")
                .start()) {
            console.awaitReady(Instant.now().plus(START));
            // the actuator is not behind the readiness gate; its Prometheus page needs a VIEWER
            assertOnlyTheAdministratorSignsIn(console, SECRET, "/actuator/prometheus");
            JdbcClient db = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));
            assertThat(db.sql("select username from app_user")
                            .query(String.class)
                            .list())
                    .as("the administrator is the only user")
                    .containsExactly("admin");
            assertThat(db.sql("select roles from app_user where username = 'admin'")
                            .query(String.class)
                            .single())
                    .contains("ADMIN");
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD) // in order, one after another: the class is CONCURRENT, its methods not
    void without_the_administrators_secret_the_first_start_stops_and_says_why() throws Exception {
        // both starts at once: each must end by itself, with Boot's failure report naming what to do
        try (ChildConsole none = console("prod-no-admin", "postgres", Map.of()).start();
                ChildConsole shortOne = console(
                                "prod-short-admin",
                                "postgres",
                                Map.of("stampboard.security.initial-admin.password", "short"))
                        .start()) {
            Instant deadline = Instant.now().plus(START);
            assertThat(none.awaitExit(deadline)).as("the start fails").isNotZero();
            assertThat(shortOne.awaitExit(deadline)).as("the start fails").isNotZero();
            assertThat(none.logTail(200))
                    .contains("APPLICATION FAILED TO START")
                    .contains("Set the initial administrator's password from a secret") // NoAdministrator's analysis
                    .contains("no administrator yet")
                    .contains("STAMPBOARD_ADMIN_PASSWORD");
            assertThat(shortOne.logTail(200))
                    .contains("APPLICATION FAILED TO START")
                    .contains("Set the initial administrator's password from a secret")
                    .contains("shorter than 12 characters");
            assertThat(none.ready()).isFalse();
        }
    }
}
