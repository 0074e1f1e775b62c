package dev.stampboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampboard.StampboardApplication;
import dev.stampboard.support.ChildConsole;
import dev.stampboard.support.ChildConsoleTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * Each production profile started as an operator would start it (a console process, its own database): no demo user
 * exists and no demo password works, the initial administrator comes from the secret, and without the secret the
 * start stops and says why. Where another test already starts such a console, the checks run there (static methods
 * here, one console start fewer each): that {@code postgres} runs no simulator and has no demo user on
 * {@link SingleSignOnTest}'s console, a {@code postgres} console as well; that {@code azure} has no demo user and its
 * administrator from the secret on {@code AzureEndToEndTest}'s, an {@code azure} console. This class starts one JVM:
 * the two {@code postgres} first starts that must fail, one after the other, and must fail before they migrate the
 * database (so about a second each, not a whole start). The consoles are child JVMs ({@link ChildConsole}): nothing of
 * theirs is installed in the test JVM.
 */
@ChildConsoleTest
public class ProductionProfilesTest {

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
    private static final Duration START = ChildConsole.START_BUDGET;

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

    /**
     * An {@code azure} console (its initial administrator from {@code secret}, its database {@code jdbcUrl} readable
     * beside the console, e.g. an H2 file with {@code AUTO_SERVER}): no demo user signs in with its demo password and
     * the administrator is the only user, with the ADMIN role. {@code AzureEndToEndTest} checks this on its console
     * first, which is such a console (one console start fewer than a console of this class's own).
     */
    public static void assertAzureConsoleHasOnlyTheAdministrator(ChildConsole console, String secret, String jdbcUrl)
            throws Exception {
        // the actuator is not behind the readiness gate; its Prometheus page needs a VIEWER
        assertOnlyTheAdministratorSignsIn(console, secret, "/actuator/prometheus");
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(jdbcUrl, "sa", ""));
        assertThat(db.sql("select username from app_user").query(String.class).list())
                .as("the administrator is the only user")
                .containsExactly("admin");
        assertThat(db.sql("select roles from app_user where username = 'admin'")
                        .query(String.class)
                        .single())
                .contains("ADMIN");
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD) // in order, one after another: the class is CONCURRENT, its methods not
    void without_the_administrators_secret_the_first_start_stops_and_says_why(@TempDir Path databases)
            throws Exception {
        // both first starts in one JVM, one after the other (FirstStartsWithoutTheSecret): each must fail with Boot's
        // failure report naming what to do, and the JVM must then end by itself (no thread of either start left)
        try (ChildConsole starts = ChildConsole.named("prod-without-secret")
                .main(FirstStartsWithoutTheSecret.class) // each start on a new H2 file of its own, in databases
                .jvmOption("-D" + FirstStartsWithoutTheSecret.DATABASES + "=" + databases)
                .property("spring.profiles.active", "postgres")
                .property("spring.datasource.username", "sa")
                .property("spring.datasource.password", "")
                .property("stampboard.cutover.executor-enabled", false)
                .start()) {
            assertThat(starts.awaitExit(Instant.now().plus(START)))
                    .as("the JVM ends by itself, the starts failed")
                    .isNotZero();
            String log = Files.readString(starts.log(), StandardCharsets.UTF_8);
            int none = log.lastIndexOf(FirstStartsWithoutTheSecret.marker(1));
            int shortOne = log.lastIndexOf(FirstStartsWithoutTheSecret.marker(2));
            assertThat(none).as("the first start ran; see " + starts.log()).isNotNegative();
            assertThat(shortOne)
                    .as("the second start ran after it; see " + starts.log())
                    .isGreaterThan(none);
            assertThat(log.substring(none, shortOne))
                    .contains("APPLICATION FAILED TO START")
                    .contains("Set the initial administrator's password from a secret") // NoAdministrator's analysis
                    .contains("no administrator yet")
                    .contains("STAMPBOARD_ADMIN_PASSWORD")
                    .contains(FirstStartsWithoutTheSecret.REFUSED)
                    .doesNotContain(FirstStartsWithoutTheSecret.STARTED);
            assertThat(log.substring(shortOne))
                    .contains("APPLICATION FAILED TO START")
                    .contains("Set the initial administrator's password from a secret")
                    .contains("shorter than 12 characters")
                    .contains(FirstStartsWithoutTheSecret.REFUSED)
                    .doesNotContain(FirstStartsWithoutTheSecret.STARTED);
            assertThat(starts.ready()).isFalse();
        }
        // refused before the migrations (RefuseStartWithoutAdministrator): the operator's database is as it was
        for (String database : FirstStartsWithoutTheSecret.DATABASE_NAMES) {
            assertThat(tablesIn(databases.resolve(database)))
                    .as("tables a refused start left in " + database)
                    .isEmpty();
        }
    }

    /** The tables of the H2 file database at {@code file} (opened, or made empty, by this read). */
    private static List<String> tablesIn(Path file) {
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource("jdbc:h2:file:" + file, "sa", ""));
        return db.sql("select table_name from information_schema.tables where table_schema = 'PUBLIC'")
                .query(String.class)
                .list();
    }

    /**
     * The main of the JVM in which the two {@code postgres} first starts without a valid administrator's secret run,
     * one after the other, each the real production start ({@link StampboardApplication#main}) on a new H2 file
     * database of its own (in the folder the system property {@link #DATABASES} names): without the secret, then with
     * one shorter than 12 characters. Each must throw; the JVM
     * then ends by itself (the second failure thrown out of {@code main}: exit code 1). Two starts in one JVM cost
     * less than two JVMs (the second start finds the classes loaded and compiled). A start that does not refuse
     * stops the JVM with exit code 0 after saying so, and the test fails on both.
     */
    public static final class FirstStartsWithoutTheSecret {
        static final String REFUSED = "==== the start was refused";
        static final String STARTED = "==== the start did NOT stop";
        /** The system property naming the folder of the starts' databases. */
        static final String DATABASES = "prod-without-secret.databases";
        /** The database of each start, in {@link #DATABASES}: without the secret, with a short one. */
        static final List<String> DATABASE_NAMES = List.of("no-admin", "short-admin");

        private FirstStartsWithoutTheSecret() {}

        static String marker(int start) {
            return "==== start " + start + " of 2";
        }

        public static void main(String[] args) {
            Path databases = Path.of(System.getProperty(DATABASES));
            List<Map<String, String>> starts = List.of(
                    Map.of("spring.datasource.url", "jdbc:h2:file:" + databases.resolve(DATABASE_NAMES.get(0))),
                    Map.of(
                            "spring.datasource.url",
                            "jdbc:h2:file:" + databases.resolve(DATABASE_NAMES.get(1)),
                            "stampboard.security.initial-admin.password",
                            "short"));
            RuntimeException refused = null;
            for (int i = 0; i < starts.size(); i++) {
                System.out.println(marker(i + 1) + ": " + starts.get(i).keySet());
                try {
                    StampboardApplication.main(withArguments(args, starts.get(i)));
                } catch (RuntimeException e) {
                    System.out.println(REFUSED + ": " + e);
                    refused = e;
                    continue;
                }
                System.out.println(STARTED);
                System.exit(0);
            }
            throw refused;
        }

        /** {@code args} ({@code --key=value}) with {@code more}'s keys set to its values (replaced, not repeated). */
        static String[] withArguments(String[] args, Map<String, String> more) {
            List<String> all = new ArrayList<>();
            for (String a : args) {
                String key = a.startsWith("--") && a.contains("=") ? a.substring(2, a.indexOf('=')) : a;
                if (!more.containsKey(key)) {
                    all.add(a);
                }
            }
            more.forEach((k, v) -> all.add("--" + k + "=" + v));
            return all.toArray(String[]::new);
        }
    }
}
