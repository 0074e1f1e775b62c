package dev.stampboard.signals.ingestion;

import dev.stampboard.signals.SignalFeed;
import dev.stampboard.signals.engine.ReplicaMinute;
import dev.stampboard.signals.engine.TrafficCounts;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts the stored telemetry back into the engine after a restart. Minutes up to the engine's current one
 * are replayed at start; later ones wait until the engine's clock reaches them. That happens under the
 * simulator, whose clock restarts one back-fill window early and replays it: samples ingested through the
 * API while it ran would otherwise be refused as being in the future.
 */
@Component
class StoredTelemetryReload {

    private static final Logger log = LoggerFactory.getLogger(StoredTelemetryReload.class);
    private static final long NOTHING_DEFERRED = Long.MIN_VALUE;

    private final SignalFeed signals;
    private final CpuSampleStore cpu;
    private final TrafficSampleStore traffic;
    private final JdbcClient jdbc;
    /** The newest stored minute not yet replayed; NOTHING_DEFERRED once everything is in the engine. */
    private final AtomicLong deferredUntil = new AtomicLong(NOTHING_DEFERRED);

    private volatile long replayedUpTo;

    private final TelemetryFollower follower;

    StoredTelemetryReload(
            SignalFeed signals,
            CpuSampleStore cpu,
            TrafficSampleStore traffic,
            JdbcClient jdbc,
            TelemetryFollower follower) {
        this.signals = signals;
        this.follower = follower;
        this.cpu = cpu;
        this.traffic = traffic;
        this.jdbc = jdbc;
    }

    /** After the engine has declared the fleet (order 0), before the simulator back-fills (order 10). */
    @EventListener(ApplicationStartedEvent.class)
    @Order(1)
    public void reload() {
        long now = signals.nowMinute();
        long from = now - signals.retentionMinutes() + 1;
        // what is stored from here on (by this instance or another on the database) the follower reads
        follower.startAfter(cpu.maxSeq(), traffic.maxSeq());
        int[] counts = replay(from, now);
        replayedUpTo = now;
        long newest = newestStoredMinute();
        if (newest > now) {
            deferredUntil.set(newest);
            signals.onAdvance(this::catchUp);
        }
        log.info(
                "Stored telemetry reloaded: {} CPU samples, {} traffic rows{}",
                counts[0],
                counts[1],
                newest > now
                        ? "; minutes after " + java.time.Instant.ofEpochSecond(now * 60)
                                + " follow as the clock reaches them"
                        : "");
    }

    /** Called with each new current minute; replays the stored minutes the clock has just reached. */
    private void catchUp(long minute) {
        long until = deferredUntil.get();
        if (until == NOTHING_DEFERRED || minute <= replayedUpTo) {
            return;
        }
        long to = Math.min(minute, until);
        replay(replayedUpTo + 1, to);
        replayedUpTo = to;
        if (to >= until) {
            deferredUntil.set(NOTHING_DEFERRED);
        }
    }

    private int[] replay(long fromMinute, long toMinute) {
        int[] counts = {0, 0};
        cpu.forEachBetween(fromMinute, toMinute, s -> {
            if (signals.recordCpu(s.stamp(), s.pool(), s.node(), s.minute(), s.cpu())
                    .accepted()) {
                counts[0]++;
            }
        });
        traffic.forEachBetween(fromMinute, toMinute, t -> {
            if (signals.recordTraffic(
                            ReplicaMinute.of(t.registry(), t.region(), t.stamp(), t.minute()),
                            new TrafficCounts(t.requests(), t.bytes(), t.throttled(), t.errors(), t.p99Ms()))
                    .accepted()) {
                counts[1]++;
            }
        });
        return counts;
    }

    private long newestStoredMinute() {
        long newest = NOTHING_DEFERRED;
        for (String table : new String[] {"node_cpu_sample", "registry_traffic_sample"}) {
            Optional<OffsetDateTime> max = jdbc.sql("select max(minute_at) from " + table)
                    .query(OffsetDateTime.class)
                    .optional();
            if (max.isPresent()) {
                newest = Math.max(newest, StoredMinutes.of(max.get()));
            }
        }
        return newest;
    }
}
