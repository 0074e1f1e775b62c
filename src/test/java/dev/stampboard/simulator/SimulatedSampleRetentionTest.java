package dev.stampboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.support.TestH2;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18: stored simulated minutes are pruned from the first minute an instance starting now would read. Where its
 * clock starts comes from the console's own clock configuration (on H2 through the migrations, with the stored clock
 * at the newest stored minute: the earliest start), and its reload reads the engine's window up to that minute
 * ({@code StoredTelemetryReload}); the cutoff must be exactly that first minute, neither later (a late starter would
 * miss minutes) nor earlier (kept for nobody).
 */
class SimulatedSampleRetentionTest {

    @Test
    void the_cutoff_is_the_first_minute_a_late_starter_reads() {
        long stored = 29_500_000L;
        JdbcClient jdbc = JdbcClient.create(TestH2.migrated("simulated-retention"));
        jdbc.sql("insert into simulator_state (id, sim_minute, seed, stored_minute) values (1, ?, 7, ?)")
                .params(stored, stored)
                .update();
        for (int backfill : new int[] {720, 90}) {
            for (int engine : new int[] {720, 1440}) {
                SimulatorProperties properties = new SimulatorProperties(
                        true, 7, 0, backfill, Instant.ofEpochSecond((stored - 5_000) * 60), "seed", null, true);
                long clockStart = new ClockConfiguration()
                                .clock(properties, jdbc)
                                .instant()
                                .getEpochSecond()
                        / 60;
                long firstReloaded = clockStart - engine + 1;

                assertThat(SimulatedSampleRetention.firstNeeded(stored, backfill, engine))
                        .as("back-fill %d, engine window %d", backfill, engine)
                        .isEqualTo(firstReloaded);
            }
        }
    }
}
