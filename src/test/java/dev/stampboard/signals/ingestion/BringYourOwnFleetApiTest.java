package dev.stampboard.signals.ingestion;

import static dev.stampboard.signals.ingestion.ApiFleetFeed.cpu;
import static dev.stampboard.signals.ingestion.ApiFleetFeed.nearestRankP95;
import static dev.stampboard.signals.ingestion.ApiFleetFeed.nodes;
import static dev.stampboard.signals.ingestion.ApiFleetFeed.put;
import static dev.stampboard.signals.ingestion.ApiFleetFeed.rest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stampboard.StampboardApplication;
import dev.stampboard.base.Actor;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampDeclaration;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.simulator.SimulatorService;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A fleet the simulator does not drive, built and fed only through the JSON API (PUT stamps and
 * registries, both ingestion endpoints), gets a plan; after a restart its signals and traffic shares are
 * back; so does a stamp declared and fed through the services. Needs its own database and the simulator off, hence
 * its own console (two starts: before and after the restart).
 */
class BringYourOwnFleetApiTest {

    private static final int MINUTES = 60;

    @TempDir
    Path dir;

    private final SecurityContextHolderStrategy sharedStrategy = SecurityContextHolder.getContextHolderStrategy();

    @AfterEach
    void restoreSecurityStrategy() {
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplication(StampboardApplication.class)
                .run(
                        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=FALSE",
                        "--server.port=0",
                        "--stampboard.simulator.enabled=false",
                        "--logging.level.root=WARN",
                        "--stampboard.cutover.executor-enabled=false",
                        "--vaadin.productionMode=false");
    }

    /** The hot stamp's dataproxy node {@code n} at minute {@code m}: node 0 runs hottest, values vary by minute. */
    private static double hotCpu(int m, int n) {
        return n == 0 ? 60 + (m * 7) % 11 : 30 + (m + n) % 5;
    }

    @Test
    void a_fleet_fed_only_through_the_api_is_planned_and_survives_a_restart() {
        // shares of the hot stamp's traffic: one registry makes half of it
        Map<String, Integer> onHot = new LinkedHashMap<>();
        onHot.put("byo-big.example.io", 50);
        onHot.put("byo-mid.example.io", 20);
        for (int i = 1; i <= 6; i++) {
            onHot.put("byo-small" + i + ".example.io", 5);
        }
        double[] hotMinuteValues = new double[MINUTES];
        Instant restartMinute =
                Instant.ofEpochSecond(Instant.now().getEpochSecond() / 60 * 60).minusSeconds(600);
        double restartP95;
        try (ConfigurableApplicationContext ctx = start()) {
            // with the simulator disabled the console starts with an empty fleet
            assertThat(ctx.getBean(FleetService.class).stamps()).isEmpty();
            assertThat(ctx.getBeanProvider(SimulatorService.class).getIfAvailable())
                    .isNull();
            // after the start: the minutes sent are the latest ones when the reactive trigger is checked
            Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 60 * 60);
            Instant first = now.minusSeconds(60L * (MINUTES + 1));
            TestRestTemplate alice = rest(ctx, "alice");
            TestRestTemplate collector = rest(ctx, "collector");
            put(
                    collector,
                    "/api/v1/stamps/byo-s01",
                    Map.of(
                            "region",
                            "byoland",
                            "pools",
                            List.of(
                                    Map.of("pool", "REGISTRY", "nodes", nodes("rg", 4)),
                                    Map.of("pool", "DATAPROXY", "nodes", nodes("dp", 4)))));
            put(
                    collector,
                    "/api/v1/stamps/byo-s02",
                    Map.of(
                            "region",
                            "byoland",
                            "pools",
                            List.of(
                                    Map.of("pool", "REGISTRY", "nodes", nodes("rg", 8)),
                                    Map.of("pool", "DATAPROXY", "nodes", nodes("dp", 8)))));
            onHot.keySet()
                    .forEach(r -> put(
                            collector,
                            "/api/v1/registries/" + r,
                            Map.of(
                                    "customer",
                                    "byo-customer",
                                    "replicas",
                                    List.of(Map.of("region", "byoland", "homeStamp", "byo-s01")))));
            put(
                    collector,
                    "/api/v1/registries/byo-other.example.io",
                    Map.of(
                            "customer",
                            "byo-other",
                            "replicas",
                            List.of(Map.of("region", "byoland", "homeStamp", "byo-s02"))));

            List<Map<String, Object>> samples = new ArrayList<>();
            List<Map<String, Object>> traffic = new ArrayList<>();
            for (int m = 0; m < MINUTES; m++) {
                String minute = first.plusSeconds(60L * m).toString();
                double max = 0;
                for (int n = 0; n < 4; n++) {
                    samples.add(cpu("byo-s01", "DATAPROXY", String.format("dp-%03d", n), minute, hotCpu(m, n)));
                    samples.add(cpu("byo-s01", "REGISTRY", String.format("rg-%03d", n), minute, 25.0));
                    max = Math.max(max, hotCpu(m, n));
                }
                hotMinuteValues[m] = max;
                for (int n = 0; n < 8; n++) {
                    samples.add(cpu("byo-s02", "DATAPROXY", String.format("dp-%03d", n), minute, 15.0 + n));
                    samples.add(cpu("byo-s02", "REGISTRY", String.format("rg-%03d", n), minute, 12.0));
                }
                for (Map.Entry<String, Integer> r : onHot.entrySet()) {
                    Map<String, Object> row =
                            traffic(r.getKey(), "byo-s01", minute, r.getValue() * 100L, r.getValue() * 1_000_000L);
                    if (r.getKey().equals("byo-mid.example.io") && m >= MINUTES - 12) {
                        row.put("throttled", 100); // 5 % of its 2,000 requests for the last 12 minutes
                    }
                    traffic.add(row);
                }
                traffic.add(traffic("byo-other.example.io", "byo-s02", minute, 2000, 2_000_000_000L));
            }
            JsonNode cpuReport =
                    collector.postForObject("/api/v1/telemetry/node-cpu", Map.of("samples", samples), JsonNode.class);
            assertThat(cpuReport.get("rejected")).as(cpuReport.toString()).isEmpty();
            JsonNode trafficReport = collector.postForObject(
                    "/api/v1/telemetry/registry-traffic", Map.of("rows", traffic), JsonNode.class);
            assertThat(trafficReport.get("rejected"))
                    .as(trafficReport.toString())
                    .isEmpty();
            assertThat(trafficReport.get("accepted").asInt()).isEqualTo(MINUTES * (onHot.size() + 1));

            // reactive triggers from ingested traffic: throttling above 2 % for 10 minutes fires (the last minutes are
            // still on their way) for the replica only: its stamp throttled 100 of 10,000 requests a minute, 1 %
            assertThat(ctx.getBean(dev.stampboard.signals.SignalsService.class).activeAlerts())
                    .extracting(a -> a.subject() + " " + a.rule().metric())
                    .containsExactly("byo-mid.example.io@byoland THROTTLING_RATE");

            double expectedP95 = nearestRankP95(hotMinuteValues);
            JsonNode stamp = alice.getForObject("/api/v1/stamps/byo-s01", JsonNode.class);
            assertThat(stamp.get("pools").get(1).get("hotNodeP95").asDouble()).isEqualTo(expectedP95);
            assertThat(stamp.get("pools").get(1).get("state").asText()).isEqualTo("HOT");
            JsonNode share = alice.getForObject("/api/v1/stamps/byo-s01/traffic-share?pool=DATAPROXY", JsonNode.class);
            assertThat(share.get("registries").get(0).get("registry").asText()).isEqualTo("byo-big.example.io");
            assertThat(share.get("registries").get(0).get("share").asDouble()).isEqualTo(0.5);

            ResponseEntity<JsonNode> plan =
                    alice.postForEntity("/api/v1/plans", Map.of("region", "byoland"), JsonNode.class);
            assertThat(plan.getStatusCode()).as(String.valueOf(plan.getBody())).isEqualTo(HttpStatus.CREATED);
            JsonNode moves = plan.getBody().get("moves");
            assertThat(moves).as(plan.getBody().toString()).isNotEmpty();
            assertThat(moves.get(0).get("registry").asText()).isEqualTo("byo-big.example.io");
            assertThat(moves.get(0).get("from").asText()).isEqualTo("byo-s01");
            assertThat(moves.get(0).get("to").asText()).isEqualTo("byo-s02");

            // a stamp declared and fed through the services (not the API) is stored as well
            restartP95 = declareAndIngestThroughServices(ctx, restartMinute);
        }
        try (ConfigurableApplicationContext ctx = start()) {
            assertThat(ctx.getBean(FleetService.class).stamp("byo-r01")).isPresent();
            SignalsService signals = ctx.getBean(SignalsService.class);
            assertThat(signals.hotNodeP95("byo-r01", PoolKind.DATAPROXY).orElseThrow())
                    .isEqualTo(restartP95);
            assertThat(signals.hotNodeSeries("byo-r01", PoolKind.DATAPROXY, null, null)
                            .minutes())
                    .hasSize(10);
            TestRestTemplate dave = rest(ctx, "dave");
            JsonNode stamp = dave.getForObject("/api/v1/stamps/byo-s01", JsonNode.class);
            assertThat(stamp.get("pools").get(1).get("hotNodeP95").asDouble())
                    .isEqualTo(nearestRankP95(hotMinuteValues));
            JsonNode share = dave.getForObject("/api/v1/stamps/byo-s01/traffic-share?pool=DATAPROXY", JsonNode.class);
            assertThat(share.get("registries")).hasSize(onHot.size());
            assertThat(share.get("registries").get(0).get("share").asDouble()).isEqualTo(0.5);
            assertThat(share.get("registries").get(0).get("bytes").asLong()).isEqualTo(MINUTES * 50_000_000L);
        }
    }

    /**
     * Stamp {@code byo-r01} (region {@code byorestart}) declared through {@link FleetService} and ten minutes of two
     * nodes' samples ingested through {@link NodeCpuIngestion}; returns its hot-node P95, checked here against the
     * samples (once in {@code BringYourOwnTelemetryRestartTest}, which started two more consoles for it).
     */
    private static double declareAndIngestThroughServices(ConfigurableApplicationContext ctx, Instant minute) {
        ctx.getBean(FleetService.class)
                .declareStamp(
                        "byo-r01",
                        new StampDeclaration(
                                "byorestart",
                                null,
                                null,
                                List.of(new StampDeclaration.PoolDeclaration(
                                        PoolKind.DATAPROXY, List.of("dp-000", "dp-001"), null)),
                                List.of()),
                        Actor.SYSTEM);
        List<CpuSampleInput> samples = new ArrayList<>();
        for (int m = 0; m < 10; m++) {
            Instant t = minute.plusSeconds(60L * m);
            samples.add(new CpuSampleInput("byo-r01", "DATAPROXY", "dp-000", t.toString(), 10.0 + m));
            samples.add(new CpuSampleInput("byo-r01", "DATAPROXY", "dp-001", t.toString(), 50.0 - m));
        }
        assertThat(ctx.getBean(NodeCpuIngestion.class)
                        .ingest(samples, Actor.SYSTEM)
                        .accepted())
                .isEqualTo(20);
        // minute maxima 50, 49, …, 41; nearest rank ceil(0.95 × 10) = 10 -> the largest, 50
        double p95 = ctx.getBean(SignalsService.class)
                .hotNodeP95("byo-r01", PoolKind.DATAPROXY)
                .orElseThrow();
        assertThat(p95).isEqualTo(50.0);
        return p95;
    }

    private static Map<String, Object> traffic(
            String registry, String stamp, String minute, long requests, long bytes) {
        return ApiFleetFeed.traffic(registry, "byoland", stamp, minute, requests, bytes, 80.0 + requests % 7);
    }
}
