package dev.stampboard.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.SignalFeed;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.engine.HotNodeSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Azure Monitor's per-instance CPU reaches the signals engine: requests, mapping, gaps, increments, throttling, errors. */
class AzureMonitorTelemetryTest extends AzureTestSupport {

    static final String METRICS = ".*/virtualMachineScaleSets/%s/providers/Microsoft.Insights/metrics";

    @Autowired
    AzureInventory inventory;

    @Autowired
    AzureMonitorTelemetry telemetry;

    @Autowired
    SignalsService signals;

    @Autowired
    SignalFeed feed;

    /** A stamp whose dataproxy scale set has {@code instances} instances; the registry one has one. */
    void stamp(String stamp, int instances) {
        azure.on(
                "GET",
                AzureInventoryTest.VMSS,
                200,
                AzureFixtures.scaleSetList(
                        AzureFixtures.scaleSet(
                                stamp + "-reg", AzureInventoryTest.tags(stamp, "registry"), 1, "succeeded"),
                        AzureFixtures.scaleSet(
                                stamp + "-dp", AzureInventoryTest.tags(stamp, "dataproxy"), instances, "succeeded")));
        azure.on(
                "GET",
                AzureInventoryTest.VMSS + "/" + stamp + "-reg/virtualMachines",
                200,
                AzureFixtures.instanceList(stamp + "-reg", 1));
        azure.on(
                "GET",
                AzureInventoryTest.VMSS + "/" + stamp + "-dp/virtualMachines",
                200,
                AzureFixtures.instanceList(stamp + "-dp", instances));
        azure.on("GET", AzureInventoryTest.STORAGE, 200, AzureFixtures.storageAccounts());
        inventory.refresh();
        azure.on("GET", String.format(METRICS, stamp + "-reg"), 200, metrics(stamp + "-reg", Map.of()));
    }

    /**
     * A metrics answer in the shape of Azure's GetMetric example: one {@code Percentage CPU} metric whose time
     * series are keyed by the lower-case {@code vmname} dimension. {@code null} values are minutes without a value.
     */
    static String metrics(String scaleSet, Map<String, Map<Instant, Double>> byVm) {
        ObjectNode body = AzureFixtures.body("monitor-GetMetric", 200);
        body.put("interval", "PT1M")
                .put("namespace", "microsoft.compute/virtualmachinescalesets")
                .put("resourceregion", "eastus");
        ArrayNode value = (ArrayNode) body.get("value");
        ObjectNode metric = (ObjectNode) value.get(0).deepCopy();
        value.removeAll();
        metric.put(
                        "id",
                        AzureFixtures.scaleSetId(GROUP, scaleSet)
                                + "/providers/Microsoft.Insights/metrics/Percentage CPU")
                .put("unit", "Percent")
                .put("displayDescription", "The percentage of allocated compute units in use")
                .put("errorCode", "Success");
        ((ObjectNode) metric.get("name")).put("value", "Percentage CPU").put("localizedValue", "Percentage CPU");
        ArrayNode series = metric.putArray("timeseries");
        byVm.forEach((vm, points) -> {
            ObjectNode s = series.addObject();
            ObjectNode dim = s.putArray("metadatavalues").addObject();
            dim.putObject("name").put("value", "vmname").put("localizedValue", "vmname");
            dim.put("value", vm);
            ArrayNode data = s.putArray("data");
            points.forEach((minute, cpu) -> {
                ObjectNode point = data.addObject().put("timeStamp", minute.toString());
                if (cpu != null) {
                    point.put("average", cpu);
                }
            });
        });
        value.add(metric);
        return body.toString();
    }

    Instant end() {
        return clock.instant().minus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.MINUTES);
    }

    void advance(Duration d) {
        clock.advance(d);
        feed.advanceTo(clock.instant().getEpochSecond() / 60);
    }

    /** Minutes with a value in the stamp's dataproxy pool over the current peak window. */
    int hotMinutes(String stamp) {
        return signals.hotNodeSeries(stamp, PoolKind.DATAPROXY, null, null).minutes().length;
    }

    static List<Instant> timespan(FakeAzure.Seen request) {
        String[] parts = request.query().get("timespan").split("/");
        return List.of(
                OffsetDateTime.parse(parts[0]).toInstant(),
                OffsetDateTime.parse(parts[1]).toInstant());
    }

    @Test
    void per_instance_cpu_becomes_node_samples_with_gaps_skipped() {
        advance(Duration.ofMinutes(30));
        stamp("tel-s01", 3);
        Instant end = end();
        // 10 minutes × 3 instances, a gap for instance 1 at minute 4, and a point at the span's end that is not yet due
        Map<String, Map<Instant, Double>> byVm = new TreeMap<>();
        Map<Instant, Double> hot = new TreeMap<>();
        int expectedSamples = 0;
        for (int vm = 0; vm < 3; vm++) {
            Map<Instant, Double> points = new TreeMap<>();
            for (int m = 0; m < 10; m++) {
                Instant minute = end.minus(Duration.ofMinutes(10 - m));
                Double cpu = vm == 1 && m == 4 ? null : 20.0 + ((m * 17 + vm * 29) % 70) + vm * 0.5;
                points.put(minute, cpu);
                if (cpu != null) {
                    hot.merge(minute, cpu, Math::max);
                    expectedSamples++;
                }
            }
            points.put(end, 99.0);
            byVm.put("tel-s01-dp_" + vm, points);
        }
        azure.on("GET", String.format(METRICS, "tel-s01-dp"), 200, metrics("tel-s01-dp", byVm));

        AzureMonitorTelemetry.PollReport report = telemetry.poll();

        assertThat(report.failures()).isEmpty();
        assertThat(report.accepted()).isEqualTo(expectedSamples);
        FakeAzure.Seen request =
                azure.requests("GET", String.format(METRICS, "tel-s01-dp")).get(0);
        assertThat(request.path())
                .startsWith(
                        "//subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + GROUP
                                + "/providers/Microsoft.Compute/virtualMachineScaleSets/tel-s01-dp/providers/Microsoft.Insights/metrics");
        assertThat(request.query())
                .containsEntry("metricnames", "Percentage CPU")
                .containsEntry("interval", "PT1M")
                .containsEntry("aggregation", "Average")
                .containsEntry("$filter", "VMName eq '*'")
                .containsEntry("api-version", "2024-02-01");
        assertThat(timespan(request)).containsExactly(end.minus(Duration.ofHours(12)), end);

        long from = end.minus(Duration.ofMinutes(10)).getEpochSecond() / 60;
        HotNodeSeries series = signals.hotNodeSeries("tel-s01", PoolKind.DATAPROXY, from, end.getEpochSecond() / 60);
        List<Long> minutes = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < series.minutes().length; i++) {
            minutes.add(series.minutes()[i]);
            values.add(series.values()[i]);
        }
        assertThat(minutes)
                .containsExactlyElementsOf(
                        hot.keySet().stream().map(i -> i.getEpochSecond() / 60).toList());
        assertThat(values)
                .containsExactlyElementsOf(
                        hot.values().stream().map(v -> (double) v.floatValue()).toList());
        assertThat(signals.latestNodeCpu("tel-s01", PoolKind.DATAPROXY))
                .containsOnlyKeys("tel-s01-dp-0", "tel-s01-dp-1", "tel-s01-dp-2");
    }

    @Test
    void polling_is_incremental_and_resends_nothing() {
        stamp("tel-s02", 1);
        Instant firstEnd = end();
        azure.on(
                "GET",
                String.format(METRICS, "tel-s02-dp"),
                200,
                metrics("tel-s02-dp", Map.of("tel-s02-dp_0", Map.of(firstEnd.minus(Duration.ofMinutes(1)), 30.0))));
        assertThat(telemetry.poll().accepted()).isEqualTo(1);

        assertThat(telemetry.poll().accepted()).isZero();
        assertThat(azure.requests("GET", String.format(METRICS, "tel-s02-dp"))).hasSize(1); // nothing new to ask yet

        advance(Duration.ofMinutes(5));
        Instant secondEnd = end();
        azure.on(
                "GET",
                String.format(METRICS, "tel-s02-dp"),
                200,
                metrics(
                        "tel-s02-dp",
                        Map.of(
                                "tel-s02-dp_0",
                                Map.of(
                                        secondEnd.minus(Duration.ofMinutes(2)),
                                        41.0,
                                        secondEnd.minus(Duration.ofMinutes(1)),
                                        42.0))));
        AzureMonitorTelemetry.PollReport second = telemetry.poll();

        assertThat(second.accepted()).isEqualTo(2);
        assertThat(second.rejected()).isZero();
        List<FakeAzure.Seen> asked = azure.requests("GET", String.format(METRICS, "tel-s02-dp"));
        assertThat(asked).hasSize(2);
        assertThat(timespan(asked.get(1))).containsExactly(firstEnd, secondEnd);
    }

    @Test
    void a_429_pauses_polling_for_its_retry_after_then_asks_the_same_minutes_again() {
        stamp("tel-s03", 1);
        azure.on("GET", String.format(METRICS, "tel-s03-dp"), 200, metrics("tel-s03-dp", Map.of()));
        telemetry.poll();
        Instant fetchedUpTo = end();
        advance(Duration.ofMinutes(5));
        azure.on(
                "GET",
                String.format(METRICS, "tel-s03-dp"),
                r -> new FakeAzure.Answer(
                        429,
                        Map.of("Content-Type", "application/json", "Retry-After", "120"),
                        "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Rate limit exceeded\"}}"));

        AzureMonitorTelemetry.PollReport throttled = telemetry.poll();

        assertThat(throttled.paused()).isTrue();
        assertThat(throttled.failures())
                .anySatisfy(f -> assertThat(f).contains("429").contains("tel-s03-dp"));
        assertThat(throttled.failures()).anySatisfy(f -> assertThat(f).contains("pauses for PT2M"));
        assertThat(hotMinutes("tel-s03")).isZero();
        int asked = azure.requests().size();

        advance(Duration.ofSeconds(60));
        assertThat(telemetry.poll().paused()).isTrue();
        assertThat(azure.requests()).hasSize(asked);

        advance(Duration.ofSeconds(61));
        Instant end = end();
        azure.on(
                "GET",
                String.format(METRICS, "tel-s03-dp"),
                200,
                metrics("tel-s03-dp", Map.of("tel-s03-dp_0", Map.of(end.minus(Duration.ofMinutes(1)), 55.0))));
        AzureMonitorTelemetry.PollReport resumed = telemetry.poll();
        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.accepted()).isEqualTo(1);
        List<FakeAzure.Seen> metricRequests = azure.requests("GET", String.format(METRICS, "tel-s03-dp"));
        assertThat(timespan(metricRequests.get(metricRequests.size() - 1))).containsExactly(fetchedUpTo, end);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "401 | 401 | '{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"The access token is invalid.\"}}' | 401 unauthorized",
                "404 | 404 | '{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The resource was not found.\"}}' | 404 not found",
                "500 | 500 | '{\"error\":{\"code\":\"InternalServerError\",\"message\":\"Backend failure\"}}' | HTTP 500",
                "malformed | 200 | '{\"cost\":0,\"value\":[{\"timeseries\":' | body that could not be read",
                "partial answer | 200 | PARTIAL | InvalidSamplingType"
            })
    void a_failed_or_partial_answer_stores_nothing_and_is_asked_again(
            String name, int status, String body, String expected) {
        stamp("tel-e" + status + name.length(), 2);
        String scaleSet = "tel-e" + status + name.length() + "-dp";
        if (body.equals("PARTIAL")) {
            // Azure's GetMetricError example: the metric came back with an error code and no time series
            ObjectNode partial = AzureFixtures.body("monitor-GetMetricError", 200);
            ((ObjectNode) partial.get("value").get(0).get("name")).put("value", "Percentage CPU");
            body = partial.toString();
        }
        azure.on("GET", String.format(METRICS, scaleSet), status, body);
        int stored = jdbc.sql("select count(*) from node_cpu_sample")
                .query(Integer.class)
                .single();

        AzureMonitorTelemetry.PollReport report = telemetry.poll();

        assertThat(report.failures())
                .singleElement()
                .satisfies(f -> assertThat(f)
                        .contains("Reading Percentage CPU of scale set " + scaleSet)
                        .contains(expected)
                        .contains("asked again"));
        assertThat(jdbc.sql("select count(*) from node_cpu_sample")
                        .query(Integer.class)
                        .single())
                .isEqualTo(stored);
        assertThat(hotMinutes(scaleSet.replace("-dp", ""))).isZero();

        telemetry.poll();
        List<FakeAzure.Seen> asked = azure.requests("GET", String.format(METRICS, scaleSet));
        assertThat(asked).hasSize(2);
        assertThat(timespan(asked.get(1))).isEqualTo(timespan(asked.get(0)));
    }

    /**
     * Split by instance, Monitor returns at most {@code top} series (10 when {@code top} is not sent). A 16-instance
     * scale set whose busiest node is the 14th series keeps it only if the poll asks for every instance.
     */
    @Test
    void a_scale_set_of_more_than_ten_instances_keeps_its_busiest_node() {
        stamp("tel-big", 16);
        Instant end = end();
        Map<String, Map<Instant, Double>> byVm = new java.util.LinkedHashMap<>();
        double[] hotPerMinute = new double[10];
        for (int vm = 0; vm < 16; vm++) {
            Map<Instant, Double> points = new TreeMap<>();
            for (int m = 0; m < 10; m++) {
                double cpu = vm == 13 ? 90.0 + m : 20.0 + vm + m * 0.5;
                points.put(end.minus(Duration.ofMinutes(10 - m)), cpu);
                hotPerMinute[m] = Math.max(hotPerMinute[m], cpu);
            }
            byVm.put("tel-big-dp_" + vm, points);
        }
        // the fake behaves like Monitor: it answers with the first `top` series only
        azure.on("GET", String.format(METRICS, "tel-big-dp"), r -> {
            int top = r.query().containsKey("top") ? Integer.parseInt(r.query().get("top")) : 10;
            Map<String, Map<Instant, Double>> firstTop = new java.util.LinkedHashMap<>();
            byVm.entrySet().stream().limit(top).forEach(e -> firstTop.put(e.getKey(), e.getValue()));
            return FakeAzure.Answer.json(200, metrics("tel-big-dp", firstTop));
        });

        AzureMonitorTelemetry.PollReport report = telemetry.poll();

        assertThat(report.failures()).isEmpty();
        assertThat(report.accepted()).isEqualTo(160);
        FakeAzure.Seen request =
                azure.requests("GET", String.format(METRICS, "tel-big-dp")).get(0);
        assertThat(Integer.parseInt(request.query().get("top"))).isGreaterThanOrEqualTo(16);
        assertThat(signals.latestNodeCpu("tel-big", PoolKind.DATAPROXY))
                .hasSize(16)
                .containsEntry("tel-big-dp-13", 99.0f);
        // nearest rank ceil(0.95 × 10) = 10: the largest minute value, 99 % from the 14th instance
        assertThat(signals.hotNodeSeries(
                                "tel-big",
                                PoolKind.DATAPROXY,
                                end.minus(Duration.ofMinutes(10)).getEpochSecond() / 60,
                                end.getEpochSecond() / 60)
                        .p95()
                        .orElseThrow())
                .isEqualTo(99.0);
    }

    @Test
    void an_answer_that_fills_every_series_asked_for_is_asked_again() {
        stamp("tel-full", 3);
        Instant end = end();
        Map<String, Map<Instant, Double>> byVm = new java.util.LinkedHashMap<>();
        for (int vm = 0; vm < 10; vm++) { // 3 known instances: asked for 10 series, and 10 came back
            byVm.put("tel-full-dp_" + vm, Map.of(end.minus(Duration.ofMinutes(1)), 30.0));
        }
        azure.on("GET", String.format(METRICS, "tel-full-dp"), 200, metrics("tel-full-dp", byVm));

        AzureMonitorTelemetry.PollReport report = telemetry.poll();

        assertThat(report.failures())
                .singleElement()
                .satisfies(f -> assertThat(f).contains("as many as asked for"));
        assertThat(report.accepted()).isZero();
    }
}
