package dev.stampboard.signals.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.StampboardApplication;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampDeclaration;
import dev.stampboard.signals.SignalsService;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Under the simulator, samples ingested through the API in the newest minutes come back after a restart. (With the
 * simulator disabled, the empty fleet and declared stamps and samples coming back after a restart are checked in
 * {@link BringYourOwnFleetApiTest}'s two consoles.)
 */
class BringYourOwnTelemetryRestartTest {

    @TempDir
    Path dir;

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
