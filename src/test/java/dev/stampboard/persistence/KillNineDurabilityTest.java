package dev.stampboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.support.ChildConsole;
import dev.stampboard.support.ChildConsoleTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An acknowledged action survives {@code kill -9}. The console runs as a child JVM on its H2 file database with the
 * very URL options of {@code application.yml}; right after a 200 (an approval, a cutover step the API shows, a resume,
 * a verdict the API shows) it is killed with SIGKILL, and the database file itself (opened by this test, as the next
 * start would) must still hold the action and its audit entry. The simulated clock, persisted ahead of the minutes it
 * runs, never goes back across the crash. The consoles that continue after a kill are started on the same file, so
 * each moment also shows that a console recovers from the one before.
 *
 * <p>Three console starts in all: the approval (a request's write) and the cutover step (the executor's) are each
 * killed right after the API showed them; the third console, started on the file the second left, takes the running
 * plan up after that crash, pauses and resumes it, and then shows a verdict, after which it is killed and both the
 * resume and the verdict must be in the file. (Until session 11 the resume had a start and a kill of its own: four
 * starts. The resume is the same kind of write as the approval — a request's transaction with its audit entry — which
 * moment 1 already kills right after its 200; here it must survive a kill a few seconds after its 200.) The last kill
 * is only checked, not restarted. The first console also takes CPU samples through the ingestion API for the newest
 * minutes of a stamp no simulator feeds (an acknowledged write too); the second must show them: a restart under the
 * simulator replays one back-fill window from before the stored clock, and samples ahead of the replay must come back
 * as the clock reaches them ({@code StoredTelemetryReload}), not be refused as being in the future. (Until session 12
 * that was {@code BringYourOwnTelemetryRestartTest}, two starts of its own with a graceful stop between.) The seed
 * plan's first batch waits for a dedicated stamp: the child provisions it in
 * one simulated minute, so one short advance brings the first cutover; every move is observed for
 * {@link #OBSERVATION_HOURS} (the planner's setting: the seed's 24 h or 48 h cost up to 13 advances of 4 simulated
 * hours of the seed fleet, and which one applied depended on the minute the console started at), so one advance past
 * it brings the verdict. What makes the time is the three starts (about 25 CPU seconds each); the whole test is
 * bounded by {@link #BUDGET} (600 s).
 *
 * <p>The test's own reads open and close the file with the configured options too, so a close that compacted would be
 * exercised here as well: on H2 2.3.232 with compaction on close, 1 of 6 clean-clone runs found the file unreadable
 * ("Double mark"). README "Durability" says what the options change; {@link H2KillNineReproducer} measures rates.
 */
@ChildConsoleTest
class KillNineDurabilityTest {

    /** The whole test's time; a machine known to be slow may give more with -Dstampboard.kill-nine.budget-seconds. */
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("stampboard.kill-nine.budget-seconds", 600));

    private final Instant mustEnd = Instant.now().plus(BUDGET);
    private static final Duration SHOWS_TIMEOUT = Duration.ofSeconds(90);
    /** The operator's pause before the resume (moment 3). */
    private static final String PAUSE_REASON = "checking the dashboards";
    /** A stamp declared through the API, still PROVISIONING: the simulator feeds it nothing, so every sample is ours. */
    private static final String APART = "killnine-s01";
    /** Its samples' CPU in the newest minutes, the newest first (the newest minute 70, the one before 71, ...). */
    private static final double[] APART_CPU = {70.0, 71.0, 72.0, 73.0, 74.0};

    /** Every move's observation window (the planner's setting, stored with the plan's moves). */
    private static final int OBSERVATION_HOURS = 1;

    @TempDir
    Path dir;

    private ChildConsole console;

    @AfterEach
    void killConsole() {
        if (console != null) {
            console.close();
        }
    }

    /** The configured H2 URL with its options, pointed at this test's folder. */
    private String configuredUrl() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties p = yaml.getObject();
        String url = p.getProperty("spring.datasource.url");
        assertThat(url).startsWith("jdbc:h2:file:./data/stampboard");
        return url.replace("./data/stampboard", dir.resolve("stampboard").toString());
    }

    private void startConsole() throws Exception {
        console = ChildConsole.named("kill-nine")
                .log(Path.of("target", "kill-nine", "console.log"))
                .readiness("/api/v1/simulator")
                .property("spring.datasource.url", configuredUrl())
                .property("stampboard.simulator.speed", 0) // the clock moves only when the test advances it
                .property("stampboard.simulator.backfill-minutes", 120)
                .property("stampboard.simulator.provisioning-minutes", 1) // the seed plan's dedicated stamp at once
                .property("stampboard.cutover.poll-millis", 200)
                .property("stampboard.cutover.lease-seconds", 2) // the killed console's executor lease expires soon
                // a move is observed for an hour (not 24 h or 48 h by phase, DESIGN §5): moment 4's verdict after one
                // short advance of the simulated clock instead of up to 52 simulated hours of the seed fleet
                .property("stampboard.planning.medium-observation-hours", OBSERVATION_HOURS)
                .property("stampboard.planning.high-observation-hours", OBSERVATION_HOURS)
                .start();
        try {
            console.awaitReady(mustEnd);
        } catch (AssertionError late) {
            throw new AssertionError(
                    "the test's budget of " + BUDGET + " ran out while a console started: " + late.getMessage());
        }
    }

    /** SIGKILL: no shutdown hook, no H2 close, nothing flushed on the way out. */
    private void killNine() throws Exception {
        console.killNine();
        console = null;
    }

    /** The database file as the next start would find it, read without a console. */
    private <T> T inDatabase(java.util.function.Function<JdbcClient, T> read) {
        DriverManagerDataSource file = new DriverManagerDataSource(configuredUrl(), "sa", "");
        return read.apply(JdbcClient.create(file)); // each query's connection closes, and with the last the file
    }

    private static String one(JdbcClient db, String sql, Object... params) {
        return db.sql(sql).params(params).query(String.class).single();
    }

    private static boolean audited(JdbcClient db, String action, String subject) {
        return db.sql("select count(*) from audit_event where action = ? and subject = ?")
                        .params(action, subject)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        return console.send(method, path, user, body);
    }

    /** Moves simulated time; a console that has just started answers 409 until its back-fill is done. */
    private void advance(int minutes) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        HttpResponse<String> res;
        do {
            res = send("POST", "/api/v1/simulator/advance", "alice", "{\"minutes\":" + minutes + "}");
            if (res.statusCode() == 409) {
                Thread.sleep(250);
            }
        } while (res.statusCode() == 409 && Instant.now().isBefore(deadline));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    }

    /** Polls the execution until it shows what the test waits for (the executor steps every 200 ms). */
    private JsonNode awaitExecution(String planId, Predicate<JsonNode> shows, String what) throws Exception {
        Instant deadline = min(Instant.now().plus(SHOWS_TIMEOUT), mustEnd);
        JsonNode execution = null;
        while (Instant.now().isBefore(deadline)) {
            execution = console.ok("GET", "/api/v1/plans/" + planId + "/execution", "dave", null);
            if (shows.test(execution)) {
                return execution;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the execution of " + planId + " never showed " + what + ": " + execution);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static List<JsonNode> movesWhere(JsonNode execution, Predicate<JsonNode> test) {
        List<JsonNode> found = new ArrayList<>();
        execution.get("moves").forEach(m -> {
            if (test.test(m)) {
                found.add(m);
            }
        });
        return found;
    }

    private static boolean cutOver(JsonNode move) {
        return List.of("DRAINING", "VALIDATING", "COMPLETED")
                .contains(move.get("state").asText());
    }

    /** Waits until the console's start is over (its back-fill included): readiness answers 200. */
    private void awaitStarted() throws Exception {
        while (console.send("GET", "/actuator/health/readiness", "dave", null).statusCode() != 200) {
            assertThat(Instant.now()).as("started within the test's budget").isBefore(mustEnd);
            Thread.sleep(250);
        }
    }

    private static String minute(long minute) {
        return Instant.ofEpochSecond(minute * 60).toString();
    }

    /** The simulated clock's minute (epoch minutes); the signals engine is at the same minute after each tick. */
    private long clockMinute() throws Exception {
        return Instant.parse(console.ok("GET", "/api/v1/simulator", "dave", null)
                                .get("now")
                                .asText())
                        .getEpochSecond()
                / 60;
    }

    /** A collector declares {@link #APART} and sends its CPU for the newest minutes up to {@code newest}. */
    private void ingestApart(long newest) throws Exception {
        console.ok(
                "PUT",
                "/api/v1/stamps/" + APART,
                "collector",
                Map.of(
                        "region",
                        "killnine-land",
                        "status",
                        "PROVISIONING",
                        "pools",
                        List.of(Map.of("pool", "DATAPROXY", "nodes", List.of("dp-000")))));
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int m = 0; m < APART_CPU.length; m++) {
            samples.add(Map.of(
                    "stamp",
                    APART,
                    "pool",
                    "DATAPROXY",
                    "node",
                    "dp-000",
                    "minute",
                    minute(newest - m),
                    "cpu",
                    APART_CPU[m]));
        }
        JsonNode report = console.ok("POST", "/api/v1/telemetry/node-cpu", "collector", Map.of("samples", samples));
        assertThat(report.get("rejected")).as(report.toString()).isEmpty();
        assertThat(report.get("accepted").asInt()).isEqualTo(APART_CPU.length);
    }

    /** {@link #APART}'s hot-node series shows exactly the ingested minutes and values, the oldest first. */
    private void assertApartIsBack(long newest) throws Exception {
        JsonNode series = console.getJson(
                "/api/v1/stamps/" + APART + "/pools/DATAPROXY/hot-node?from=" + minute(newest - 10) + "&to="
                        + minute(newest),
                "dave");
        List<String> minutes = new ArrayList<>();
        series.get("minutes").forEach(m -> minutes.add(Instant.parse(m.asText()).toString()));
        List<Double> values = new ArrayList<>();
        series.get("values").forEach(v -> values.add(v.asDouble()));
        List<String> expectedMinutes = new ArrayList<>();
        List<Double> expectedValues = new ArrayList<>();
        for (int m = APART_CPU.length - 1; m >= 0; m--) {
            expectedMinutes.add(minute(newest - m));
            expectedValues.add(APART_CPU[m]);
        }
        assertThat(minutes).as("the ingested minutes after the restart").isEqualTo(expectedMinutes);
        assertThat(values).as("the ingested values after the restart").isEqualTo(expectedValues);
    }

    @Test
    void acknowledged_actions_survive_kill_9() throws Exception {
        long began = System.nanoTime();
        startConsole();
        // samples for the newest minutes, the current one included, once the back-fill is over
        awaitStarted();
        long apartNewest = clockMinute();
        ingestApart(apartNewest);
        String id = console.ok(
                        "POST", "/api/v1/plans", "alice", Map.of("region", "eastus", "stamps", List.of("eus-s01")))
                .get("id")
                .asText();
        console.ok("POST", "/api/v1/plans/" + id + "/submit", "alice", null);

        // 1. an approval
        console.ok("POST", "/api/v1/plans/" + id + "/approve", "bob", null);
        killNine();
        inDatabase(db -> {
            assertThat(one(db, "select status from plan where id = ?", id)).isEqualTo("APPROVED");
            assertThat(audited(db, "PLAN_APPROVED", id))
                    .as("the approval's audit entry")
                    .isTrue();
            return null;
        });

        // 2. a cutover step the API has shown; first, before this console's clock moves: the samples ingested before
        // the kill are back after the restart's replay
        startConsole();
        awaitStarted();
        assertApartIsBack(apartNewest);
        console.ok("POST", "/api/v1/plans/" + id + "/start", "alice", null);
        // the executor asks for the dedicated stamp on its first pass; the minute after, it is there and cut over to
        JsonNode shown = null;
        Instant cutoverDeadline = min(Instant.now().plus(SHOWS_TIMEOUT), mustEnd);
        while (shown == null && Instant.now().isBefore(cutoverDeadline)) {
            advance(1);
            Thread.sleep(300);
            JsonNode execution = console.ok("GET", "/api/v1/plans/" + id + "/execution", "dave", null);
            if (!movesWhere(execution, KillNineDurabilityTest::cutOver).isEmpty()) {
                shown = execution;
            }
        }
        assertThat(shown).as("a cutover within " + SHOWS_TIMEOUT).isNotNull();
        List<JsonNode> cutovers = movesWhere(shown, KillNineDurabilityTest::cutOver);
        long clockShown = Instant.parse(console.ok("GET", "/api/v1/simulator", "dave", null)
                                .get("now")
                                .asText())
                        .getEpochSecond()
                / 60;
        killNine();
        inDatabase(db -> {
            for (JsonNode move : cutovers) {
                assertThat(one(
                                db,
                                "select state from move_run where plan_id = ? and seq = ?",
                                id,
                                move.get("seq").asInt()))
                        .as("move " + move.get("seq") + " was shown " + move.get("state"))
                        .isIn("DRAINING", "VALIDATING", "COMPLETED");
            }
            assertThat(audited(db, "MOVE_CUT_OVER", id)).isTrue();
            assertThat(Long.parseLong(one(db, "select sim_minute from simulator_state where id = 1")))
                    .as("the stored simulated clock is not behind what the API showed")
                    .isGreaterThanOrEqualTo(clockShown);
            return null;
        });

        // 3. a resume (the console that continues picks the running plan up after the crash) and
        // 4. a verdict the API has shown (the observation window passes in simulated time), on the same console
        startConsole();
        assertThat(Instant.parse(console.ok("GET", "/api/v1/simulator", "dave", null)
                                        .get("now")
                                        .asText())
                                .getEpochSecond()
                        / 60)
                .as("the simulated clock never goes back")
                .isGreaterThanOrEqualTo(clockShown);
        console.ok("POST", "/api/v1/plans/" + id + "/pause", "alice", Map.of("reason", PAUSE_REASON));
        JsonNode resumed = console.ok("POST", "/api/v1/plans/" + id + "/resume", "alice", null);
        assertThat(resumed.get("status").asText()).isNotEqualTo("PAUSED");
        // past the drain (45 s), the hour's observation window from the cutover and the telemetry lag (5 min): the
        // executor's next pass judges the moves cut over in moment 2
        advance(OBSERVATION_HOURS * 60 + 30);
        JsonNode judged = awaitExecution(
                id, e -> !movesWhere(e, m -> !m.get("verdict").isNull()).isEmpty(), "a verdict");
        List<JsonNode> verdicts = movesWhere(judged, m -> !m.get("verdict").isNull());
        killNine();
        inDatabase(db -> {
            // the verdict may pause the run again (a marginal or failed move), but with the executor's reason: a lost
            // resume would leave the run paused with the operator's
            assertThat(db.sql("select status || ': ' || coalesce(reason, '') from plan_run where plan_id = ?")
                            .params(id)
                            .query(String.class)
                            .single())
                    .as("the resumed run")
                    .isNotEqualTo("PAUSED: " + PAUSE_REASON);
            assertThat(audited(db, "PLAN_RESUMED", id))
                    .as("the resume's audit entry")
                    .isTrue();
            for (JsonNode move : verdicts) {
                assertThat(one(
                                db,
                                "select verdict from move_run where plan_id = ? and seq = ?",
                                id,
                                move.get("seq").asInt()))
                        .as("move " + move.get("seq"))
                        .isEqualTo(move.get("verdict").asText());
            }
            assertThat(audited(db, "MOVE_VERDICT", id)).isTrue();
            return null;
        });
        System.out.printf(
                "KillNineDurabilityTest: 3 kills, 3 console starts, %d s%n",
                (System.nanoTime() - began) / 1_000_000_000);
    }
}
