package dev.stampboard.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.monitor.query.LogsQueryClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stampboard.base.Actor;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.RegistryDeclaration;
import dev.stampboard.fleet.StampDeclaration;
import dev.stampboard.signals.SignalFeed;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.engine.MinuteRange;
import dev.stampboard.signals.engine.TrafficSeries;
import dev.stampboard.signals.ingestion.RegistryTrafficIngestion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Registry traffic from Log Analytics through the real {@link LogsQueryClient} over {@link FakeAzure}, answered in the
 * shape of Azure's own "Simple Query" example ({@code loganalytics-oms-post-example.json}): the request, the mapping of
 * the query's columns onto the ingestion, incremental spans with a lag, throttling, failed and partial answers, and
 * registries declared from the logs when that is turned on. Each test reads with a reader of its own, from nothing read.
 */
class AzureRegistryTrafficTest extends AzureTestSupport {

    static final String WORKSPACE = "63613592-b6f7-4c3d-a390-22ba13102111"; // the example's
    static final String QUERY_PATH = "/v1/workspaces/" + WORKSPACE + "/query";
    static final String REGION = "logland";

    @Autowired
    LogsQueryClient logsClient;

    @Autowired
    RegistryTrafficIngestion ingestion;

    @Autowired
    FleetService fleet;

    @Autowired
    SignalsService signals;

    @Autowired
    SignalFeed feed;

    @Autowired
    Clock appClock;

    @Autowired
    AzurePollMetrics pollMetrics;

    @Autowired
    AzureRegistryTraffic configured;

    /** Declaring a registry points its routing entry: Azure DNS answers as in its CreateOrUpdate example. */
    @org.junit.jupiter.api.BeforeEach
    void dnsAnswers() {
        azure.on(
                "PUT",
                ".*/dnsZones/.*/CNAME/.*",
                200,
                AzureFixtures.text(AzureFixtures.body("dns-RecordSet_CreateOrUpdate_CNAME", 200)));
    }

    /** A reader with a 30-minute back-fill in 10-minute spans and a 5-minute lag. */
    AzureRegistryTraffic reader(boolean declareRegistries) {
        return new AzureRegistryTraffic(
                logsClient,
                ingestion,
                fleet,
                new AzureProperties.Logs(
                        WORKSPACE,
                        null,
                        null,
                        null,
                        null,
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30),
                        Duration.ofMinutes(10),
                        declareRegistries),
                appClock,
                pollMetrics);
    }

    /** Two stamps in {@value #REGION}; the registries given are declared on the first. */
    void fleetOf(String prefix, String... registries) {
        for (String stamp : List.of(prefix + "-s1", prefix + "-s2")) {
            fleet.declareStamp(
                    stamp,
                    new StampDeclaration(
                            REGION,
                            null,
                            null,
                            List.of(
                                    new StampDeclaration.PoolDeclaration(
                                            PoolKind.REGISTRY, List.of(stamp + "-rg-0"), null),
                                    new StampDeclaration.PoolDeclaration(
                                            PoolKind.DATAPROXY, List.of(stamp + "-dp-0"), null)),
                            List.of()),
                    Actor.system("test"));
        }
        for (String registry : registries) {
            fleet.declareRegistry(
                    registry,
                    new RegistryDeclaration(
                            "logs-customer",
                            List.of(new RegistryDeclaration.ReplicaDeclaration(REGION, prefix + "-s1"))),
                    Actor.system("test"));
        }
    }

    /** The clock's now minus the lag, on a whole minute: the end of the newest span due. */
    Instant due() {
        return clock.instant().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MINUTES);
    }

    void advance(Duration d) {
        clock.advance(d);
        feed.advanceTo(clock.instant().getEpochSecond() / 60);
    }

    /**
     * A Logs query answer in the shape of Azure's example: the example's body with its table's columns and rows
     * replaced by the query's. Values are written as the example writes them: every scalar as a JSON string.
     */
    static String answer(List<String> columns, List<List<Object>> rows) {
        ObjectNode body = AzureFixtures.body("loganalytics-oms-post-example", 200);
        ObjectNode table = (ObjectNode) body.get("tables").get(0);
        ArrayNode cols = table.putArray("columns");
        for (String c : columns) {
            cols.addObject()
                    .put("name", c)
                    .put(
                            "type",
                            switch (c) {
                                case "minute" -> "datetime";
                                case "requests", "bytes", "throttled", "errors" -> "long";
                                case "p99Ms" -> "real";
                                default -> "string";
                            });
        }
        ArrayNode rs = table.putArray("rows");
        for (List<Object> row : rows) {
            ArrayNode r = rs.addArray();
            row.forEach(v -> {
                if (v == null) {
                    r.addNull();
                } else {
                    r.add(v.toString());
                }
            });
        }
        return body.toString();
    }

    static List<Object> row(
            String registry,
            String stamp,
            Instant minute,
            long requests,
            long bytes,
            long throttled,
            long errors,
            double p99) {
        return List.of(registry, REGION, stamp, minute, requests, bytes, throttled, errors, p99);
    }

    static String answer(List<List<Object>> rows) {
        return answer(LogAnalyticsTrafficAnswer.COLUMNS, rows);
    }

    /** The span a query asked for, from the {@code timespan} of its body. */
    static List<Instant> timespan(FakeAzure.Seen request) {
        String[] parts = json(request.body()).get("timespan").asText().split("/");
        return List.of(
                java.time.OffsetDateTime.parse(parts[0]).toInstant(),
                java.time.OffsetDateTime.parse(parts[1]).toInstant());
    }

    List<List<String>> spansAsked() {
        List<List<String>> spans = new ArrayList<>();
        for (FakeAzure.Seen seen : azure.requests("POST", QUERY_PATH)) {
            JsonNode body = json(seen.body());
            spans.add(List.of(body.get("timespan").asText(), body.get("query").asText()));
        }
        return spans;
    }

    static JsonNode json(String text) {
        try {
            return AzureFixtures.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int storedRows(String registryPrefix) {
        return jdbc.sql("select count(*) from registry_traffic_sample where registry like ?")
                .param(registryPrefix + "%")
                .query(Integer.class)
                .single();
    }

    @Test
    void the_examples_own_answer_lacks_the_columns_and_stores_nothing() {
        azure.on("POST", QUERY_PATH, 200, AzureFixtures.text(AzureFixtures.body("loganalytics-oms-post-example", 200)));
        int before = jdbc.sql("select count(*) from registry_traffic_sample")
                .query(Integer.class)
                .single();

        AzureRegistryTraffic.PollReport report = reader(false).poll();

        assertThat(report.failures())
                .singleElement()
                .satisfies(f -> assertThat(f)
                        .contains(
                                "has no column registry, region, stamp, minute, requests, bytes, throttled, errors, p99Ms")
                        .contains("TenantId")
                        .contains("read again next time"));
        assertThat(jdbc.sql("select count(*) from registry_traffic_sample")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void rows_of_the_query_become_registry_traffic() {
        advance(Duration.ofHours(1));
        fleetOf("lg1", "lg1-a.example.io", "lg1-b.example.io");
        Instant end = due();
        Instant m1 = end.minus(Duration.ofMinutes(3));
        Instant m2 = end.minus(Duration.ofMinutes(2));
        azure.on("POST", QUERY_PATH, r -> {
            // every span is asked for; only the last holds rows (the others answer an empty table)
            return FakeAzure.Answer.json(
                    200,
                    timespan(r).get(1).equals(end)
                            ? answer(List.of(
                                    row("lg1-a.example.io", "lg1-s1", m1, 1200, 3_400_000, 7, 2, 180.5),
                                    row("lg1-a.example.io", "lg1-s1", m2, 1300, 3_500_000, 0, 0, 95.25),
                                    row("lg1-b.example.io", "lg1-s1", m2, 40, 9_000, 0, 1, 30.0)))
                            : answer(List.of()));
        });

        AzureRegistryTraffic.PollReport report = reader(false).poll();

        assertThat(report.failures()).isEmpty();
        assertThat(report.accepted()).isEqualTo(3);
        assertThat(report.rejected()).isZero();
        // 30 minutes back-filled in three 10-minute spans, each a POST with the query's bounds filled in
        Instant start = end.minus(Duration.ofMinutes(30));
        assertThat(report.spans())
                .containsExactly(
                        start + "/" + start.plus(Duration.ofMinutes(10)),
                        start.plus(Duration.ofMinutes(10)) + "/" + start.plus(Duration.ofMinutes(20)),
                        start.plus(Duration.ofMinutes(20)) + "/" + end);
        List<List<String>> asked = spansAsked();
        assertThat(asked).hasSize(3);
        assertThat(asked.get(2).get(1))
                .startsWith("RegistryRequests_CL")
                .contains("TimeGenerated >= datetime(" + start.plus(Duration.ofMinutes(20)) + ")")
                .contains("TimeGenerated < datetime(" + end + ")")
                .contains("bin(TimeGenerated, 1m)");
        assertThat(timespan(azure.requests("POST", QUERY_PATH).get(2)))
                .containsExactly(start.plus(Duration.ofMinutes(20)), end);

        TrafficSeries a = signals.replicaTraffic(
                "lg1-a.example.io", REGION, new MinuteRange(m1.getEpochSecond() / 60, m2.getEpochSecond() / 60));
        assertThat(a.requests()).containsExactly(1200.0, 1300.0);
        assertThat(a.bytes()).containsExactly(3_400_000.0, 3_500_000.0);
        assertThat(a.servedBy()).containsExactly("lg1-s1", "lg1-s1");
        assertThat(jdbc.sql(
                                "select throttled, errors, p99_ms from registry_traffic_sample where registry = ? and minute_at = ?")
                        .param("lg1-a.example.io")
                        .param(java.sql.Timestamp.from(m1))
                        .query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2), rs.getDouble(3)))
                        .single())
                .containsExactly(7L, 2L, 180.5);
        assertThat(storedRows("lg1-")).isEqualTo(3);
    }

    @Test
    void reading_is_incremental_with_a_lag_and_resends_nothing() {
        advance(Duration.ofHours(1));
        fleetOf("lg2", "lg2-a.example.io");
        azure.on("POST", QUERY_PATH, 200, answer(List.of()));
        AzureRegistryTraffic reader = reader(false);
        reader.poll();
        Instant readUpTo = due();
        int asked = azure.requests("POST", QUERY_PATH).size();

        assertThat(reader.poll().spans()).isEmpty();
        assertThat(azure.requests("POST", QUERY_PATH)).hasSize(asked); // nothing due yet

        advance(Duration.ofMinutes(3));
        Instant end = due();
        azure.on(
                "POST",
                QUERY_PATH,
                200,
                answer(List.of(
                        row("lg2-a.example.io", "lg2-s1", end.minus(Duration.ofMinutes(1)), 10, 1000, 0, 0, 12.0))));
        AzureRegistryTraffic.PollReport second = reader.poll();

        assertThat(second.spans()).containsExactly(readUpTo + "/" + end);
        assertThat(second.accepted()).isEqualTo(1);
        assertThat(timespan(azure.requests("POST", QUERY_PATH).get(asked))).containsExactly(readUpTo, end);
    }

    @Test
    void a_429_pauses_reading_for_its_retry_after_then_reads_the_same_span() {
        advance(Duration.ofHours(1));
        fleetOf("lg3", "lg3-a.example.io");
        azure.on("POST", QUERY_PATH, 200, answer(List.of()));
        AzureRegistryTraffic reader = reader(false);
        reader.poll();
        Instant readUpTo = due();
        advance(Duration.ofMinutes(2));
        azure.on(
                "POST",
                QUERY_PATH,
                r -> new FakeAzure.Answer(
                        429,
                        Map.of("Content-Type", "application/json", "Retry-After", "90"),
                        "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Rate limit exceeded\"}}"));

        AzureRegistryTraffic.PollReport throttled = reader.poll();

        assertThat(throttled.paused()).isTrue();
        assertThat(throttled.failures())
                .anySatisfy(f -> assertThat(f).contains("429").contains("Log Analytics workspace " + WORKSPACE));
        assertThat(throttled.failures()).anySatisfy(f -> assertThat(f).contains("pauses for PT1M30S"));
        int asked = azure.requests().size();
        advance(Duration.ofSeconds(60));
        assertThat(reader.poll().paused()).isTrue();
        assertThat(azure.requests()).hasSize(asked);

        advance(Duration.ofSeconds(31));
        Instant end = due();
        azure.on(
                "POST",
                QUERY_PATH,
                200,
                answer(List.of(row("lg3-a.example.io", "lg3-s1", readUpTo, 5, 500, 0, 0, 9.0))));
        AzureRegistryTraffic.PollReport resumed = reader.poll();

        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.spans()).containsExactly(readUpTo + "/" + end);
        assertThat(resumed.accepted()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "500 | 500 | '{\"error\":{\"code\":\"InternalServerError\",\"message\":\"Backend failure\"}}' | HTTP 500",
                "403 | 403 | '{\"error\":{\"code\":\"InsufficientAccessError\",\"message\":\"The provided credentials have insufficient access.\"}}' | 403 forbidden",
                "malformed | 200 | '{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":' | body that could not be read",
                "partial answer | 200 | PARTIAL | PartialError",
                "not a number | 200 | NAN | column requests holds 'many'"
            })
    void a_failed_or_partial_answer_stores_nothing_and_is_read_again(
            String name, int status, String body, String expected) {
        advance(Duration.ofHours(1));
        String prefix = "lge" + status + name.length();
        fleetOf(prefix, prefix + "-a.example.io");
        Instant end = due();
        List<List<Object>> rows = List.of(
                row(prefix + "-a.example.io", prefix + "-s1", end.minus(Duration.ofMinutes(1)), 10, 100, 0, 0, 5.0));
        if (body.equals("PARTIAL")) {
            // the API's errorInfo next to the tables: rows came back, but not all of them
            ObjectNode partial = (ObjectNode) json(answer(rows));
            ObjectNode error = partial.putObject("error")
                    .put("code", "PartialError")
                    .put("message", "There were some errors when processing your query.");
            error.putArray("details")
                    .addObject()
                    .put("code", "EngineError")
                    .put("message", "Query result set has exceeded the internal data size limit");
            body = partial.toString();
        } else if (body.equals("NAN")) {
            // in the first span, so that no span is read past it
            body = answer(List.of(List.of(
                    prefix + "-a.example.io",
                    REGION,
                    prefix + "-s1",
                    end.minus(Duration.ofMinutes(30)),
                    "many",
                    100,
                    0,
                    0,
                    5.0)));
        }
        azure.on("POST", QUERY_PATH, status, body);
        AzureRegistryTraffic reader = reader(false);

        AzureRegistryTraffic.PollReport report = reader.poll();

        assertThat(report.spans()).isEmpty();
        assertThat(report.failures())
                .singleElement()
                .satisfies(f -> assertThat(f)
                        .contains("Reading registry traffic from " + end.minus(Duration.ofMinutes(30)))
                        .contains(expected)
                        .contains("read again next time"));
        assertThat(storedRows(prefix)).isZero();

        azure.on("POST", QUERY_PATH, 200, answer(rows));
        AzureRegistryTraffic.PollReport retried = reader.poll();
        assertThat(retried.failures()).isEmpty();
        assertThat(retried.spans())
                .first()
                .asString()
                .startsWith(end.minus(Duration.ofMinutes(30)).toString());
        // the fake answers every span alike: each span keeps only its own minutes, so the row counts once
        assertThat(retried.accepted()).isEqualTo(1);
        assertThat(retried.rejected()).isZero();
        assertThat(storedRows(prefix)).isEqualTo(1);
    }

    @Test
    void registries_seen_in_the_logs_are_declared_only_when_turned_on() {
        advance(Duration.ofHours(1));
        fleetOf("lg4", "lg4-known.example.io");
        Instant end = due();
        Instant m = end.minus(Duration.ofMinutes(2));
        List<String> columns = new ArrayList<>(LogAnalyticsTrafficAnswer.COLUMNS);
        columns.add("customer");
        // new.example.io: mostly on s2 (its home then), a little on s1; known.example.io lives on s1 and is not moved
        String body = answer(
                columns,
                List.of(
                        List.of("lg4-new.example.io", REGION, "lg4-s2", m, 900, 9000, 0, 0, 20.0, "cust-lg4"),
                        List.of(
                                "lg4-new.example.io",
                                REGION,
                                "lg4-s1",
                                m.minus(Duration.ofMinutes(1)),
                                100,
                                1000,
                                0,
                                0,
                                20.0,
                                "cust-lg4"),
                        List.of("lg4-known.example.io", REGION, "lg4-s2", m, 50, 500, 0, 0, 10.0, "other")));
        azure.on("POST", QUERY_PATH, 200, body);

        AzureRegistryTraffic.PollReport off = reader(false).poll();

        assertThat(off.declared()).isEmpty();
        assertThat(fleet.registry("lg4-new.example.io")).isEmpty();
        assertThat(off.accepted()).isZero();
        assertThat(off.rejected())
                .isEqualTo(3); // the fake answers every span alike; only the last span keeps these minutes

        AzureRegistryTraffic.PollReport on = reader(true).poll();

        assertThat(on.failures()).isEmpty();
        assertThat(on.accepted()).isEqualTo(1);
        assertThat(on.rejected()).isEqualTo(2);
        assertThat(on.declared()).singleElement().asString().startsWith("lg4-new.example.io");
        assertThat(fleet.registry("lg4-new.example.io")).get().satisfies(r -> {
            assertThat(r.customer()).isEqualTo("cust-lg4");
            assertThat(r.homeStamp(REGION)).contains("lg4-s2");
        });
        assertThat(fleet.registry("lg4-known.example.io").orElseThrow().homeStamp(REGION))
                .contains("lg4-s1");
        // new.example.io's row on s2 is stored; its row on s1 is refused (s1 never served it), as is known's on s2
        assertThat(jdbc.sql("select registry || '@' || stamp from registry_traffic_sample where registry like 'lg4-%'")
                        .query(String.class)
                        .list())
                .containsExactly("lg4-new.example.io@lg4-s2");
    }

    @Test
    void a_registry_seen_on_a_draining_stamp_is_not_declared_and_the_others_are() {
        advance(Duration.ofHours(1));
        fleetOf("lg6");
        fleet.startDrainingStamp("lg6-s2", "moving off", Actor.system("test"));
        Instant m = due().minus(Duration.ofMinutes(2));
        List<String> columns = new ArrayList<>(LogAnalyticsTrafficAnswer.COLUMNS);
        columns.add("customer");
        azure.on(
                "POST",
                QUERY_PATH,
                200,
                answer(
                        columns,
                        List.of(
                                List.of("lg6-late.example.io", REGION, "lg6-s2", m, 900, 9000, 0, 0, 20.0, "cust-lg6"),
                                List.of(
                                        "lg6-other.example.io",
                                        REGION,
                                        "lg6-s1",
                                        m,
                                        100,
                                        1000,
                                        0,
                                        0,
                                        20.0,
                                        "cust-lg6"))));

        AzureRegistryTraffic.PollReport report = reader(true).poll();

        assertThat(report.failures())
                .singleElement()
                .asString()
                .contains("lg6-late.example.io", "Stamp lg6-s2 is DRAINING");
        assertThat(fleet.registry("lg6-late.example.io")).isEmpty();
        assertThat(report.declared()).singleElement().asString().startsWith("lg6-other.example.io");
    }

    @Test
    void the_context_reader_is_off_without_a_workspace() {
        int asked = azure.requests().size();

        AzureRegistryTraffic.PollReport report = configured.poll();

        assertThat(report.failures())
                .singleElement()
                .asString()
                .contains("stampboard.azure.logs.workspace-id is not set");
        assertThat(azure.requests()).hasSize(asked);
    }
}
