package dev.stampboard.simulator;

import dev.stampboard.base.SingleInstanceJobs;
import dev.stampboard.signals.SignalFeed;
import dev.stampboard.signals.ingestion.SimulatedTelemetryStore;
import dev.stampboard.signals.ingestion.TelemetryRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Prunes the simulated minutes the elected instance stored for the others (README "The simulator with several
 * instances") once no instance can need them, instead of after the telemetry retention (14 days: ~340 M rows at
 * {@code large-500}). They are read only by the stored telemetry reload of an instance that starts, and by the
 * followers within seconds: a starting instance's clock begins one back-fill window before the stored clock and its
 * reload reads the engine's window before that, so nothing older than back-fill + engine window before the newest
 * stored minute is read again. The score, the capacity peaks and validation read the engine or tables of their own,
 * never these rows. Runs where the minutes are stored: on the instance holding the simulator's lease.
 */
@Component
@ConditionalOnProperty(name = "stampboard.simulator.enabled", havingValue = "true", matchIfMissing = true)
class SimulatedSampleRetention {

    private static final Logger log = LoggerFactory.getLogger(SimulatedSampleRetention.class);

    private final StoredMinuteMark mark;
    private final TelemetryRetention retention;
    private final SignalFeed signals;
    private final ObjectProvider<SingleInstanceJobs> jobs;
    private final int backfillMinutes;
    private final boolean stored;

    SimulatedSampleRetention(
            JdbcClient jdbc,
            TelemetryRetention retention,
            SignalFeed signals,
            ObjectProvider<SingleInstanceJobs> jobs,
            SimulatorProperties properties,
            SimulatedTelemetryStore store) {
        this.mark = new StoredMinuteMark(jdbc);
        this.retention = retention;
        this.signals = signals;
        this.jobs = jobs;
        this.backfillMinutes = properties.backfillMinutes();
        this.stored = properties.storeTelemetry() != null ? properties.storeTelemetry() : store.sharedDatabase();
    }

    /**
     * The first minute anyone may still read, given the newest stored one: a starting instance's clock begins at the
     * stored clock (at or after {@code storedThrough}) less the back-fill, and its reload reads the engine's window up
     * to that minute, the oldest being {@code engineMinutes - 1} before it.
     */
    static long firstNeeded(long storedThrough, int backfillMinutes, int engineMinutes) {
        return storedThrough - backfillMinutes - engineMinutes + 1;
    }

    @Scheduled(
            initialDelayString = "${stampboard.telemetry.prune-initial-delay:PT1M}",
            fixedDelayString = "${stampboard.telemetry.prune-interval:PT10M}")
    void scheduledPrune() {
        SingleInstanceJobs single = jobs.getIfAvailable();
        if (!stored || (single != null && !single.holdsLease(SimulatorService.LEASE))) {
            return; // nothing stored here, or the elected instance prunes what it stored
        }
        long storedThrough = mark.storedThrough();
        if (storedThrough == Long.MIN_VALUE) {
            return;
        }
        TelemetryRetention.Pruned pruned =
                retention.pruneSimulatedBefore(firstNeeded(storedThrough, backfillMinutes, signals.retentionMinutes()));
        if (pruned.cpuSamples() + pruned.trafficRows() > 0) {
            log.info(
                    "Stored simulated minutes: pruned {} CPU samples and {} traffic rows no instance reads again",
                    pruned.cpuSamples(),
                    pruned.trafficRows());
        }
    }
}
