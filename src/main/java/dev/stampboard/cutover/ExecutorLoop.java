package dev.stampboard.cutover;

import dev.stampboard.base.DaemonScheduler;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drives the executor on wall-clock time once the console is up. The simulated clock may run a
 * thousand times faster; each pass catches up with whatever became due.
 */
@Component
class ExecutorLoop {

    private static final Logger log = LoggerFactory.getLogger(ExecutorLoop.class);

    private final CutoverExecutor executor;
    private final CutoverProperties properties;
    private @Nullable ScheduledExecutorService scheduler;

    ExecutorLoop(CutoverExecutor executor, CutoverProperties properties) {
        this.executor = executor;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.executorEnabled()) {
            log.info("Cutover executor loop disabled on this instance (stampboard.cutover.executor-enabled=false)");
            return;
        }
        ScheduledExecutorService loop = DaemonScheduler.named("cutover-executor");
        scheduler = loop;
        loop.scheduleWithFixedDelay(
                this::pass, properties.pollMillis(), properties.pollMillis(), TimeUnit.MILLISECONDS);
        log.info("Cutover executor {} running every {} ms", executor.executorId(), properties.pollMillis());
    }

    private void pass() {
        try {
            executor.runOnce();
        } catch (RuntimeException e) {
            log.warn("Cutover executor pass failed; the next pass tries again", e);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        // a clean shutdown hands over at once; a crashed instance's lease simply expires
        executor.releaseLease();
    }
}
