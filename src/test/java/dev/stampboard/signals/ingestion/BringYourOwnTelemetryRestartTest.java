package dev.stampboard.signals.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.StampboardApplication;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampDeclaration;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.simulator.SimulatorService;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With the simulator disabled the console starts with an empty fleet; declared stamps and
 * ingested samples live in the H2 file database and come back after a restart.
 */
class BringYourOwnTelemetryRestartTest {

    @TempDir
    Path dir;

    private ConfigurableApplicationContext start() {
        return new SpringApplication(StampboardApplication.class)
                .run(
                        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=FALSE",
                        "--server.port=0",
                        "--stampboard.simulator.enabled=false",
                        "--logging.level.root=WARN",
                        "--vaadin.productionMode=false");
    }

    /**
     * Each console context installs its own security-context strategy in Spring Security's static
     * holder; give the shared test context its own back so later tests see their logins.
     */
    private final org.springframework.security.core.context.SecurityContextHolderStrategy sharedStrategy =
            org.springframework.security.core.context.SecurityContextHolder.getContextHolderStrategy();

    @org.junit.jupiter.api.AfterEach
    void restoreSecurityStrategy() {
        org.springframework.security.core.context.SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
    }

    @Test
    void empty_fleet_then_ingested_samples_survive_a_restart() {
        Instant minute =
                Instant.ofEpochSecond(Instant.now().getEpochSecond() / 60 * 60).minusSeconds(600);
        double p95Before;
        try (ConfigurableApplicationContext ctx = start()) {
            FleetService fleet = ctx.getBean(FleetService.class);
            assertThat(fleet.stamps()).isEmpty();
            assertThat(ctx.getBeanProvider(SimulatorService.class).getIfAvailable())
                    .isNull();

            fleet.declareStamp(
                    "byo-s01",
                    new StampDeclaration(
                            "testland",
                            null,
                            null,
                            List.of(new StampDeclaration.PoolDeclaration(
                                    PoolKind.DATAPROXY, List.of("dp-000", "dp-001"), null)),
                            List.of()),
                    dev.stampboard.base.Actor.SYSTEM);
            List<CpuSampleInput> samples = new ArrayList<>();
            for (int m = 0; m < 10; m++) {
                Instant t = minute.plusSeconds(60L * m);
                samples.add(new CpuSampleInput("byo-s01", "DATAPROXY", "dp-000", t.toString(), 10.0 + m));
                samples.add(new CpuSampleInput("byo-s01", "DATAPROXY", "dp-001", t.toString(), 50.0 - m));
            }
            IngestReport report = ctx.getBean(NodeCpuIngestion.class).ingest(samples, dev.stampboard.base.Actor.SYSTEM);
            assertThat(report.accepted()).isEqualTo(20);
            // minute maxima 50, 49, …, 41; nearest rank ceil(0.95 × 10) = 10 -> the largest, 50
            p95Before = ctx.getBean(SignalsService.class)
                    .hotNodeP95("byo-s01", PoolKind.DATAPROXY)
                    .orElseThrow();
            assertThat(p95Before).isEqualTo(50.0);
        }
        try (ConfigurableApplicationContext ctx = start()) {
            assertThat(ctx.getBean(FleetService.class).stamp("byo-s01")).isPresent();
            SignalsService signals = ctx.getBean(SignalsService.class);
            assertThat(signals.hotNodeP95("byo-s01", PoolKind.DATAPROXY).orElseThrow())
                    .isEqualTo(p95Before);
            assertThat(signals.hotNodeSeries("byo-s01", PoolKind.DATAPROXY, null, null)
                            .minutes())
                    .hasSize(10);
        }
    }

    /**
     * Under the simulator the clock restarts one back-fill window early and replays it; samples ingested
     * through the API in the newest minutes must come back too, not be refused as "in the future".
     */
    @Test
    void samples_ingested_while_the_simulator_runs_come_back_after_a_restart() {
        String[] simulated = {
            "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("sim") + ";AUTO_SERVER=FALSE",
            "--server.port=0",
            "--stampboard.simulator.enabled=true",
            "--stampboard.simulator.speed=0",
            "--stampboard.simulator.start=2026-11-26T12:00:00Z",
            "--stampboard.simulator.backfill-minutes=60",
            "--stampboard.cutover.executor-enabled=false",
            "--logging.level.root=WARN",
            "--vaadin.productionMode=false"
        };
        long nowMinute;
        try (ConfigurableApplicationContext ctx = new SpringApplication(StampboardApplication.class).run(simulated)) {
            // a stamp still PROVISIONING gets no simulated telemetry, so every value below is one sent here
            ctx.getBean(FleetService.class)
                    .declareStamp(
                            "sim-byo-s01",
                            new StampDeclaration(
                                    "testland",
                                    null,
                                    dev.stampboard.fleet.StampStatus.PROVISIONING,
                                    List.of(new StampDeclaration.PoolDeclaration(
                                            PoolKind.DATAPROXY, List.of("dp-000"), null)),
                                    List.of()),
                            dev.stampboard.base.Actor.SYSTEM);
            SignalsService signals = ctx.getBean(SignalsService.class);
            nowMinute = signals.nowMinute();
            List<CpuSampleInput> samples = new ArrayList<>();
            for (int m = 0; m < 5; m++) { // the five newest minutes, the current one included
                samples.add(new CpuSampleInput(
                        "sim-byo-s01",
                        "DATAPROXY",
                        "dp-000",
                        Instant.ofEpochSecond((nowMinute - m) * 60).toString(),
                        70.0 + m));
            }
            assertThat(ctx.getBean(NodeCpuIngestion.class)
                            .ingest(samples, dev.stampboard.base.Actor.SYSTEM)
                            .accepted())
                    .isEqualTo(5);
        }
        try (ConfigurableApplicationContext ctx = new SpringApplication(StampboardApplication.class).run(simulated)) {
            SignalsService signals = ctx.getBean(SignalsService.class);
            assertThat(signals.nowMinute()).isEqualTo(nowMinute);
            var series = signals.hotNodeSeries("sim-byo-s01", PoolKind.DATAPROXY, nowMinute - 10, nowMinute);
            assertThat(series.minutes())
                    .containsExactly(nowMinute - 4, nowMinute - 3, nowMinute - 2, nowMinute - 1, nowMinute);
            assertThat(series.values()).containsExactly(74.0, 73.0, 72.0, 71.0, 70.0);
        }
    }
}
