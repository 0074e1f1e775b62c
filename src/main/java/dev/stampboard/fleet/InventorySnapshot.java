package dev.stampboard.fleet;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A value read from the database on demand and kept until the next write or for a time to live. Readers load it
 * without a lock, so a reader may finish loading after a write it started before: that reader uses what it read,
 * but the value is not kept, because each kept value remembers the write generation it was loaded in.
 */
final class InventorySnapshot<T> {

    private record Held<T>(T value, long generation, long loadedAtNanos) {}

    private final Supplier<T> loader;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong generation = new AtomicLong();
    private volatile @Nullable Held<T> held;

    InventorySnapshot(Supplier<T> loader, long ttlNanos, LongSupplier nanoTime) {
        this.loader = loader;
        this.ttlNanos = ttlNanos;
        this.nanoTime = nanoTime;
    }

    T get() {
        Held<T> current = held;
        long writes = generation.get();
        if (current != null
                && current.generation() == writes
                && nanoTime.getAsLong() - current.loadedAtNanos() <= ttlNanos) {
            return current.value();
        }
        T value = loader.get();
        // the time to live counts from the end of the load: a load slower than it (thousands of stamps on a busy
        // machine) would otherwise be stale at once, and every reader would load again
        held = new Held<>(value, writes, nanoTime.getAsLong());
        return value;
    }

    /** A write happened (or committed): whatever is kept, or is being loaded now, is not kept for later readers. */
    void invalidate() {
        generation.incrementAndGet();
    }
}
