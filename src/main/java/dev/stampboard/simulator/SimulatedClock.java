package dev.stampboard.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that only moves when the simulator says so, a minute at a time. Everything that reads
 * the application {@link Clock} (signals, audit, later the cutover engine) then lives in simulated
 * time, so a 48 h validation window can pass in seconds.
 */
public final class SimulatedClock extends Clock {

    private final AtomicLong epochMinute;

    SimulatedClock(long startMinute) {
        this.epochMinute = new AtomicLong(startMinute);
    }

    public long minute() {
        return epochMinute.get();
    }

    long advanceOneMinute() {
        return epochMinute.incrementAndGet();
    }

    void jumpTo(long minute) {
        epochMinute.accumulateAndGet(minute, Math::max);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochSecond(epochMinute.get() * 60);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
