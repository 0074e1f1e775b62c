package dev.stampboard.capacity.change;

import dev.stampboard.base.DaemonScheduler;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drives the capacity-change executor on wall-clock time once the console is up, on the same switch and period
 * as the cutover executor ({@code stampboard.cutover.executor-enabled}, {@code poll-millis}): an instance that
 * executes, executes both. Tests run passes themselves.
 */
@Component
class CapacityChangeLoop {

    private static final Logger log = LoggerFactory.getLogger(CapacityChangeLoop.class);

    private final CapacityChangeExecutor executor;
    private final boolean enabled;
    private final long pollMillis;
    private @Nullable ScheduledExecutorService scheduler;

    CapacityChangeLoop(
            CapacityChangeExecutor executor,
            @Value("${stampboard.cutover.executor-enabled:true}") boolean enabled,
            @Value("${stampboard.cutover.poll-millis:1000}") long pollMillis) {
        this.executor = executor;
        this.enabled = enabled;
        this.pollMillis = pollMillis > 0 ? pollMillis : 1000;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!enabled) {
            return;
        }
        ScheduledExecutorService s = DaemonScheduler.named("capacity-change-executor");
        s.scheduleWithFixedDelay(this::pass, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        scheduler = s;
    }

    private void pass() {
        try {
            executor.runOnce();
        } catch (RuntimeException e) {
            log.warn("Capacity change pass failed; the next pass tries again", e);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        ScheduledExecutorService s = scheduler;
        if (s != null) {
            s.shutdownNow();
        }
    }
}
