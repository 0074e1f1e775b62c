package dev.stampboard.simulator;

import dev.stampboard.signals.SignalFeed;
import dev.stampboard.signals.ingestion.SimulatedTelemetryStore;
import dev.stampboard.simulator.model.MinuteSnapshot;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This console instance as {@link SharedMinutes} plays it: a stored minute moves its clock and engine (the rows come
 * through the ingestion tails); a minute it generates is stored with its claim in one transaction, and fed to its own
 * engine only once that committed. Logs when the instance starts or stops generating (a take-over).
 */
final class SharedMinutesInstance implements SharedMinutes.Instance {

    private static final Logger log = LoggerFactory.getLogger(SharedMinutesInstance.class);

    private final SimulatedClock clock;
    private final SignalFeed signals;
    private final StoredMinuteMark mark;
    private final TransactionTemplate transactions;
    private final SimulatedTelemetryStore store;
    private final BooleanSupplier elected;
    /** Moves the clock to the minute and generates it from the world as stored then (the simulator's side effects). */
    private final LongFunction<MinuteSnapshot> generateAt;

    /** Whether the last minute this instance passed it generated. */
    private boolean generating;

    SharedMinutesInstance(
            SimulatedClock clock,
            SignalFeed signals,
            StoredMinuteMark mark,
            TransactionTemplate transactions,
            SimulatedTelemetryStore store,
            BooleanSupplier elected,
            LongFunction<MinuteSnapshot> generateAt) {
        this.clock = clock;
        this.signals = signals;
        this.mark = mark;
        this.transactions = transactions;
        this.store = store;
        this.elected = elected;
        this.generateAt = generateAt;
    }

    @Override
    public long clockMinute() {
        return clock.minute();
    }

    @Override
    public long storedThrough() {
        return mark.storedThrough();
    }

    @Override
    public boolean elected() {
        return elected.getAsBoolean();
    }

    @Override
    public void follow(long minute) {
        generating(false, minute);
        clock.jumpTo(minute);
        signals.advanceTo(minute);
    }

    @Override
    public boolean generate(long minute) {
        MinuteSnapshot snapshot = generateAt.apply(minute);
        Boolean claimed = transactions.execute(status -> {
            if (!mark.claim(minute)) {
                return false;
            }
            store.store(minute, MinuteRows.cpu(snapshot), MinuteRows.traffic(snapshot));
            return true;
        });
        if (Boolean.TRUE.equals(claimed)) {
            generating(true, minute);
            MinuteRows.feed(snapshot, signals); // after the commit, as ingestion records what it stored
            return true;
        }
        generating(false, minute);
        return false;
    }

    private void generating(boolean now, long minute) {
        if (now != generating) {
            generating = now;
            log.info(
                    now
                            ? "Simulator: this instance generates and stores from minute {} on (elected)"
                            : "Simulator: this instance follows the stored minutes from minute {} on",
                    Instant.ofEpochSecond(minute * 60));
        }
    }
}
