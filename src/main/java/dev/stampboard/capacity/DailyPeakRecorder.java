package dev.stampboard.capacity;

import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.signals.SignalFeed;
import dev.stampboard.signals.SignalsService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps the daily peak history: as the clock passes midnight (UTC) it stores every pool's hot-node P95 of the peak
 * window that just ended; at start-up, when a {@link PastPeaks} source exists (the simulator), it fills the weeks
 * before the oldest recorded day in the background, so start-up does not wait for it. Readers call
 * {@link #awaitBackfill()} first.
 */
@Component
class DailyPeakRecorder {

    private static final Logger log = LoggerFactory.getLogger(DailyPeakRecorder.class);

    private final DailyPeakHistory history;
    private final FleetService fleet;
    private final SignalsService signals;
    private final SignalFeed feed;
    private final ObjectProvider<PastPeaks> past;
    private final CapacityProperties properties;
    private final ObjectProvider<dev.stampboard.base.SingleInstanceJobs> jobs;
    private volatile CompletableFuture<Void> backfill = CompletableFuture.completedFuture(null);
    /** Set at start-up until this instance, once elected, has started the back-fill (see {@link #backfillIfElected}). */
    private volatile boolean awaitingElection;
    /** The stored rows as last counted; null when they must be counted again. */
    private volatile @Nullable Counted counted;

    private record Counted(long rows, long atNanos) {}

    /** Back-fills this instance started (0 or 1). */
    private final java.util.concurrent.atomic.AtomicInteger backfills = new java.util.concurrent.atomic.AtomicInteger();

    /** How long a count of the stored rows is reused: another instance's rows are seen within this. */
    private static final long COUNT_EVERY_NANOS = 2_000_000_000L;

    DailyPeakRecorder(
            DailyPeakHistory history,
            FleetService fleet,
            SignalsService signals,
            SignalFeed feed,
            ObjectProvider<PastPeaks> past,
            CapacityProperties properties,
            ObjectProvider<dev.stampboard.base.SingleInstanceJobs> jobs) {
        this.jobs = jobs;
        this.history = history;
        this.fleet = fleet;
        this.signals = signals;
        this.feed = feed;
        this.past = past;
        this.properties = properties;
    }

    /** Before the simulator back-fills (order 10), so the minutes it runs through midnight are recorded too. */
    @EventListener(ApplicationStartedEvent.class)
    @Order(5)
    public void listen() {
        feed.onAdvance(this::onMinute);
    }

    /** After the simulator has back-filled its window (order 10): the clock then stands at the start-up minute. */
    @EventListener(ApplicationStartedEvent.class)
    @Order(20)
    public void startBackfill() {
        awaitingElection = true;
        backfillIfElected();
    }

    /**
     * Only the elected instance back-fills (several console instances on one database would each compute and try to
     * store the same weeks). Another instance that is elected later (the first one stopped before it finished) does
     * it on its next minute: the back-fill only adds the days before the oldest stored one, so it is done once.
     */
    private synchronized void backfillIfElected() {
        PastPeaks source = past.getIfAvailable();
        if (source == null || !awaitingElection || !elected()) {
            return;
        }
        awaitingElection = false;
        backfills.incrementAndGet();
        LocalDate today = today();
        backfill = CompletableFuture.runAsync(() -> fill(source, today), runnable -> {
            Thread t = new Thread(runnable, "capacity-history-backfill");
            t.setDaemon(true);
            t.start();
        });
    }

    /** How many back-fills this instance started: 1 on the elected instance, 0 on the others. */
    int backfills() {
        return backfills.get();
    }

    /** Waits for the start-up back-fill (a few hundred ms on the seed); never throws for a failed one. */
    void awaitBackfill() {
        try {
            backfill.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            // logged where it failed; the history is then what was recorded
        }
    }

    /**
     * Changes whenever rows were added, for readers' caches: the stored rows, counted again at most every 2 s, so
     * rows another console instance recorded (the elected one records every day and back-fills) reach this
     * instance's forecasts within that, and at once after this instance recorded some.
     */
    long version() {
        long now = System.nanoTime();
        Counted last = counted;
        if (last == null || now - last.atNanos() > COUNT_EVERY_NANOS) {
            last = new Counted(history.rows(), now);
            counted = last;
        }
        return last.rows();
    }

    LocalDate today() {
        return day(signals.nowMinute());
    }

    private boolean elected() {
        dev.stampboard.base.SingleInstanceJobs single = jobs.getIfAvailable();
        return single == null || single.holdsLease(RECORDING_JOB);
    }

    static LocalDate day(long epochMinute) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochMinute, 1440L));
    }

    private void fill(PastPeaks source, LocalDate today) {
        long started = System.nanoTime();
        LocalDate from = today.minusDays(properties.historyDays());
        // only the days before the oldest stored one: recorded days stay as measured, and a stamp added later gets
        // no made-up past
        LocalDate oldest = history.oldestDay();
        LocalDate to = oldest == null || oldest.isAfter(today) ? today : oldest;
        if (!from.isBefore(to)) {
            return;
        }
        int stored = 0;
        try {
            // a day at a time, newest first, each day's pools in one transaction: should this process stop half way,
            // the stored days are whole and run up to the oldest recorded one, so the next back-fill (this rule, on
            // whichever instance is elected then) adds exactly the days still missing
            TreeMap<LocalDate, List<PastPeaks.PastPeak>> byDay = new TreeMap<>();
            for (PastPeaks.PastPeak p : source.dailyPeaks(from, to)) {
                byDay.computeIfAbsent(p.day(), d -> new ArrayList<>()).add(p);
            }
            for (List<PastPeaks.PastPeak> day : byDay.descendingMap().values()) {
                stored += history.recordAll(day, DailyPeakHistory.SIMULATED);
            }
        } catch (RuntimeException e) {
            log.warn("Back-filling the daily peak history failed; the forecast uses what is recorded", e);
        }
        counted = null;
        log.info(
                "Capacity history: {} simulated daily peaks from {} to {} in {} ms",
                stored,
                from,
                to.minusDays(1),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Job name under the elected lease: several console instances record each day once (issue 18). */
    static final String RECORDING_JOB = "capacity-daily-peaks";

    /** On the first minute of a day, the day before's peak window has just ended; the elected instance records it. */
    void onMinute(long minute) {
        if (awaitingElection) {
            backfillIfElected();
        }
        if (Math.floorMod(minute, 1440L) != 0 || !elected()) {
            return;
        }
        LocalDate day = day(minute - 1);
        for (StampInfo stamp : fleet.stamps()) {
            for (PoolKind kind : PoolKind.values()) {
                @Nullable
                Double p95 = stamp.pool(kind).isEmpty()
                        ? null
                        : signals.hotNodeP95(stamp.name(), kind).stream()
                                .boxed()
                                .findFirst()
                                .orElse(null);
                if (p95 != null) {
                    history.record(
                            stamp.name(),
                            kind,
                            day,
                            p95,
                            stamp.pool(kind).get().nodes().size(),
                            DailyPeakHistory.MEASURED);
                }
            }
        }
        counted = null;
    }
}
