package dev.stampboard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.context.ApplicationContext;

import dev.stampboard.ScenarioTest;
import dev.stampboard.SpringTest;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampDeclaration;

/**
 * Bring-your-own telemetry: a declared stamp and its ingested samples live in the database, and a
 * signals engine started afresh over that database (what a restart does) reloads them to the same
 * P95. The restart is a new {@link SignalsService} built from the context's beans and loaded the way
 * startup loads it, not a second application context. A scenario test: it adds a region of its own.
 */
@ScenarioTest
@org.junit.jupiter.api.Order(6)
class BringYourOwnTelemetryRestartTest extends SpringTest {

    @Autowired FleetService fleet;
    @Autowired SignalsService signals;
    @Autowired ApplicationContext context;

    /** A new service with a new engine, as the next start of the console would build it (no listeners, no schedule). */
    private SignalsService restarted() {
        SignalsService fresh = (SignalsService) context.getAutowireCapableBeanFactory()
                .autowire(SignalsService.class, AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR, false);
        fresh.loadFleetAndStoredSamples();
        return fresh;
    }

    @Test
    void ingested_samples_of_a_declared_stamp_survive_a_restart() {
        Instant minute = Instant.ofEpochSecond(signals.nowMinute() * 60).minusSeconds(600);
        fleet.declareStamp("byo-s01", new StampDeclaration("testland", null, null,
                List.of(new StampDeclaration.PoolDeclaration(PoolKind.DATAPROXY, List.of("dp-000", "dp-001"), null)),
                List.of()), "test");
        List<CpuSampleInput> samples = new ArrayList<>();
        for (int m = 0; m < 10; m++) {
            Instant t = minute.plusSeconds(60L * m);
            samples.add(new CpuSampleInput("byo-s01", "DATAPROXY", "dp-000", t.toString(), 10.0 + m));
            samples.add(new CpuSampleInput("byo-s01", "DATAPROXY", "dp-001", t.toString(), 50.0 - m));
        }
        IngestReport report = signals.ingest(samples, "test");
        assertThat(report.accepted()).isEqualTo(20);
        // minute maxima 50, 49, …, 41; nearest rank ceil(0.95 × 10) = 10 -> the largest, 50
        double p95Before = signals.hotNodeP95("byo-s01", PoolKind.DATAPROXY).orElseThrow();
        assertThat(p95Before).isEqualTo(50.0);

        SignalsService after = restarted();
        assertThat(fleet.stamp("byo-s01")).isPresent();
        assertThat(after.hotNodeP95("byo-s01", PoolKind.DATAPROXY).orElseThrow()).isEqualTo(p95Before);
        assertThat(after.hotNodeSeries("byo-s01", PoolKind.DATAPROXY, null, null).minutes()).hasSize(10);
    }
}
