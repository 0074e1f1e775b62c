package dev.stampboard.support;

import java.time.Duration;

/** Helpers for tests that make two threads meet at a lock. */
public final class Threads {

    private Threads() {}

    /**
     * Waits until {@code thread} is blocked on a monitor (another thread holds the lock it needs) or has finished,
     * for at most {@code atMost}: a test then lets the lock's holder go on, knowing the other one came first or waits.
     */
    public static void awaitBlockedOrDone(Thread thread, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (thread.getState() != Thread.State.BLOCKED
                && thread.getState() != Thread.State.TERMINATED
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
