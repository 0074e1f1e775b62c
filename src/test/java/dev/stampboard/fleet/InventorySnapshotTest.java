package dev.stampboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InventorySnapshotTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void keeps_what_it_loaded_until_a_write_or_the_time_to_live() {
        InventorySnapshot<Integer> snapshot = new InventorySnapshot<>(loads::incrementAndGet, 5, now::get);

        assertThat(snapshot.get()).isEqualTo(1);
        now.set(5);
        assertThat(snapshot.get()).as("within its time to live").isEqualTo(1);
        snapshot.invalidate();
        assertThat(snapshot.get()).as("after a write").isEqualTo(2);
        now.set(11);
        assertThat(snapshot.get()).as("after its time to live").isEqualTo(3);
    }

    /** The race a loaded CI run met: a registry declared and committed, then refused as unknown for seconds. */
    @Test
    void a_load_that_began_before_a_write_is_not_kept_after_it() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        AtomicInteger database = new AtomicInteger(1); // what a reader would find: 1 before the write, 2 after
        InventorySnapshot<Integer> snapshot = new InventorySnapshot<>(
                () -> {
                    int read = database.get();
                    if (loads.incrementAndGet() == 1) { // the slow reader: read, then stall until the write is done
                        loading.countDown();
                        await(written);
                    }
                    return read;
                },
                Long.MAX_VALUE,
                now::get);

        CompletableFuture<Integer> slowReader = CompletableFuture.supplyAsync(snapshot::get);
        assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
        database.set(2);
        snapshot.invalidate(); // the writer's commit
        written.countDown();

        assertThat(slowReader.get(10, TimeUnit.SECONDS))
                .as("the slow reader uses what it read")
                .isEqualTo(1);
        assertThat(snapshot.get()).as("the writer reads its own write").isEqualTo(2);
        assertThat(loads).hasValue(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
