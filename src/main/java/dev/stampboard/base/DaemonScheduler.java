package dev.stampboard.base;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A scheduler of one named daemon thread, for a loop that must not run on Spring's shared scheduler thread (a slow
 * job there would hold it back) and must not keep the JVM alive at shutdown.
 */
public final class DaemonScheduler {

    private DaemonScheduler() {}

    /** One daemon thread named {@code threadName}, so a thread dump says which loop it is. */
    public static ScheduledExecutorService named(String threadName) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }
}
