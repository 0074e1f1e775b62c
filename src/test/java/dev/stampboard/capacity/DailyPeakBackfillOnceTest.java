package dev.stampboard.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import dev.stampboard.base.SingleInstanceJobs;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.signals.SignalFeed;
import dev.stampboard.signals.SignalsService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Issue 18: the daily-peak back-fill at start-up runs on the elected instance only; an instance elected later (the
 * first one stopped) starts it on its next minute, and it adds nothing the first one stored. Two recorders stand for
 * two console instances, each with its own answer from the elected lease.
 */
class DailyPeakBackfillOnceTest extends SpringTest {

    @Autowired
    DailyPeakHistory history;

    @Autowired
    FleetService fleet;

    @Autowired
    SignalsService signals;

    @Autowired
    SignalFeed feed;

    @Autowired
    CapacityProperties properties;

    @Test
    void only_the_elected_instance_back_fills_and_a_later_elected_one_once() {
        PastPeaks past = (from, to) -> List.of();
        AtomicBoolean aElected = new AtomicBoolean(true);
        AtomicBoolean bElected = new AtomicBoolean(false);
        DailyPeakRecorder a = recorder(past, job -> aElected.get());
        DailyPeakRecorder b = recorder(past, job -> bElected.get());

        a.startBackfill();
        b.startBackfill();
        a.awaitBackfill();
        assertThat(a.backfills()).as("the elected instance back-fills").isEqualTo(1);
        assertThat(b.backfills()).as("the other does not").isZero();

        long minute = feed.nowMinute();
        a.onMinute(minute + 1);
        b.onMinute(minute + 1);
        assertThat(a.backfills()).as("once").isEqualTo(1);
        assertThat(b.backfills()).as("still not elected").isZero();

        // the elected instance stopped: the other is elected and back-fills on its next minute, once
        aElected.set(false);
        bElected.set(true);
        long rows = history.rows();
        b.onMinute(minute + 2);
        b.awaitBackfill();
        b.onMinute(minute + 3);
        assertThat(b.backfills()).isEqualTo(1);
        assertThat(history.rows()).as("nothing stored twice").isEqualTo(rows);
        LocalDate today = a.today();
        assertThat(history.oldestDay()).as("the seed's history is back-filled").isNotNull();
        assertThat(history.oldestDay()).isBeforeOrEqualTo(today);
    }

    private DailyPeakRecorder recorder(PastPeaks past, SingleInstanceJobs jobs) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("past", past, "jobs", jobs));
        return new DailyPeakRecorder(
                history,
                fleet,
                signals,
                feed,
                beans.getBeanProvider(PastPeaks.class),
                properties,
                beans.getBeanProvider(SingleInstanceJobs.class));
    }
}
