package dev.stampboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 18: the pool-state "since" time is the same on every console instance, also on one started after the state
 * began. Two console processes on one PostgreSQL with the seed simulator (paused: only {@code advance} moves the
 * shared clock), a 60-minute window and a 120-minute back-fill:
 *
 * <ol>
 *   <li>A starts alone (the elected instance); its back-fill observes 10:01–12:00 and records the states;
 *   <li>a stamp declared through A has no data at 12:01, then samples make its dataproxy pool HOT and its registry
 *       pool OK, first seen so at the 12:02 tick (not "at least": it was seen without data before);
 *   <li>the clock moves 30 minutes on; then B starts. Its own back-fill covers only 10:33–12:32, and on its own it
 *       would date the stamp's HOT to 11:53, its first sample;
 *   <li>A and B answer every pool of every stamp with the same state, since and "at least"; the declared stamp's
 *       pools are dated 12:02, and the seed's pools that never changed "≤ 10:01", A's first observed minute.
 * </ol>
 *
 * <p>Needs PostgreSQL ({@code STAMPBOARD_TEST_PG_URL}, as {@link TwoConsolesOnPostgresTest}); its own schema.
 */
@ChildConsoleTest
class PoolStateSinceOnPostgresTest {

    private static final String SCHEMA = "pool_state_since";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_BUDGET =
            Duration.ofSeconds(Long.getLong("stampboard.two-consoles.start-seconds", 360));
    private static final String REGION = "pssreg";
    private static final String STAMP = "pss-s01";
    private static final Instant START = Instant.parse("2026-11-26T12:00:00Z");
    private static final int BACKFILL = 120;

    private final List<ChildConsole> consoles = new ArrayList<>();

    @AfterEach
    void stop() {
        consoles.forEach(ChildConsole::close);
    }

    private ChildConsole start(String name, String url) throws Exception {
        ChildConsole c = ChildConsole.named(name)
                .heap("640m")
                .log(Path.of("target", "pool-state-since", name + ".log"))
                .property("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA)
                .property("spring.datasource.username", "stampboard")
                .property("spring.datasource.password", "stampboard")
                .property("spring.flyway.schemas", SCHEMA)
                .property("spring.flyway.default-schema", SCHEMA)
                .property("stampboard.simulator.enabled", true)
                .property("stampboard.simulator.speed", 0)
                .property("stampboard.simulator.start", START)
                .property("stampboard.simulator.backfill-minutes", BACKFILL)
                .property("stampboard.signals.window-minutes", 60)
                .property("stampboard.score.initial-training", false)
                .start();
        consoles.add(c);
        return c.awaitReady(Instant.now().plus(START_BUDGET));
    }

    private static JsonNode ok(ChildConsole c, String method, String path, String user, Object body) throws Exception {
        HttpResponse<String> res = c.send(method, path, user, body == null ? null : JSON.writeValueAsString(body));
        assertThat(res.statusCode())
                .as(c.name() + ": " + method + " " + path + ": " + res.body())
                .isBetween(200, 201);
        return JSON.readTree(res.body());
    }

    /** stamp/pool → "state since atLeast", as the instance answers {@code GET /api/v1/stamps}. */
    private static Map<String, String> sinceOf(ChildConsole c) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode stamp : ok(c, "GET", "/api/v1/stamps", "dave", null)) {
            for (JsonNode pool : stamp.get("pools")) {
                out.put(
                        stamp.get("name").asText() + "/" + pool.get("pool").asText(),
                        pool.get("state").asText() + " "
                                + pool.get("stateSince").asText() + " "
                                + pool.get("stateSinceAtLeast").asBoolean());
            }
        }
        return out;
    }

    private static Map<String, Object> samples(long fromMinute, long toMinute) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long t = fromMinute; t <= toMinute; t++) {
            for (int n = 0; n < 2; n++) {
                rows.add(Map.of(
                        "stamp",
                        STAMP,
                        "pool",
                        "DATAPROXY",
                        "node",
                        "dp-" + n,
                        "minute",
                        Instant.ofEpochSecond(t * 60).toString(),
                        "cpu",
                        80.0 - n));
                rows.add(Map.of(
                        "stamp",
                        STAMP,
                        "pool",
                        "REGISTRY",
                        "node",
                        "rg-" + n,
                        "minute",
                        Instant.ofEpochSecond(t * 60).toString(),
                        "cpu",
                        20.0 + n));
            }
        }
        return Map.of("samples", rows);
    }

    @Test
    void an_instance_started_after_a_state_began_dates_it_as_the_others_do() throws Exception {
        String url = System.getenv("STAMPBOARD_TEST_PG_URL");
        boolean given = url != null && !url.isBlank();
        if (!given
                && ("true".equalsIgnoreCase(System.getenv("STAMPBOARD_TEST_PG_REQUIRED"))
                        || "true".equalsIgnoreCase(System.getenv("CI")))) {
            fail("PostgreSQL is required here (CI) but STAMPBOARD_TEST_PG_URL is empty");
        }
        assumeTrue(given, "skipped: no PostgreSQL given in STAMPBOARD_TEST_PG_URL (see TwoConsolesOnPostgresTest)");
        JdbcClient.create(new DriverManagerDataSource(url, "stampboard", "stampboard"))
                .sql("drop schema if exists " + SCHEMA + " cascade")
                .update();

        ChildConsole a = start("a", url);
        long c = START.getEpochSecond() / 60;
        assertThat(Instant.parse(ok(a, "GET", "/api/v1/simulator", "dave", null)
                        .get("now")
                        .asText()))
                .isEqualTo(START);

        ok(
                a,
                "PUT",
                "/api/v1/stamps/" + STAMP,
                "collector",
                Map.of(
                        "region",
                        REGION,
                        "pools",
                        List.of(
                                Map.of("pool", "REGISTRY", "nodes", List.of("rg-0", "rg-1")),
                                Map.of("pool", "DATAPROXY", "nodes", List.of("dp-0", "dp-1")))));
        ok(a, "POST", "/api/v1/simulator/advance", "alice", Map.of("minutes", 1)); // 12:01: no data
        JsonNode ingested = ok(a, "POST", "/api/v1/telemetry/node-cpu", "collector", samples(c - 7, c + 1));
        assertThat(ingested.get("accepted").asInt()).as(ingested.toString()).isEqualTo(9 * 4);
        ok(a, "POST", "/api/v1/simulator/advance", "alice", Map.of("minutes", 1)); // 12:02: HOT and OK
        ok(a, "POST", "/api/v1/simulator/advance", "alice", Map.of("minutes", 30)); // 12:32

        ChildConsole b = start("b", url);
        Map<String, String> onA = sinceOf(a);
        Map<String, String> onB = sinceOf(b);

        String twelveOhTwo = Instant.ofEpochSecond((c + 2) * 60).toString();
        assertThat(onA.get(STAMP + "/DATAPROXY")).isEqualTo("HOT " + twelveOhTwo + " false");
        assertThat(onA.get(STAMP + "/REGISTRY")).isEqualTo("OK " + twelveOhTwo + " false");
        assertThat(onB).as("every pool's state and since, B against A").isEqualTo(onA);

        // the seed's pools that kept their state since A's back-fill began: "≤ 10:01" on both, not B's 10:33
        String firstObserved = Instant.ofEpochSecond((c - BACKFILL + 1) * 60).toString();
        List<String> atLeast = onB.entrySet().stream()
                .filter(e -> e.getValue().endsWith(" true"))
                .map(e -> e.getKey() + " " + e.getValue())
                .toList();
        assertThat(atLeast).as("seed pools dated 'at least'").isNotEmpty();
        assertThat(atLeast).allMatch(s -> s.contains(" " + firstObserved + " "), "dated " + firstObserved);
    }
}
