package dev.stampboard.signals.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.RegionName;
import dev.stampboard.fleet.RegistryDeclaration;
import dev.stampboard.fleet.RegistryName;
import dev.stampboard.fleet.StampName;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.support.TestNames;
import dev.stampboard.support.TestStamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Traffic ingestion reads the home-stamp history incrementally (only rows since its last call), and stays right
 * when inventory writes commit out of order: a cutover whose transaction took its history id first but commits
 * after a later declaration was read must still be seen, or the destination's traffic would be refused for ever.
 */
class TrafficAgainstConcurrentInventoryTest extends SpringTest {

    private static final TestNames NAMES = TestNames.of(TrafficAgainstConcurrentInventoryTest.class);

    private static final Actor SYSTEM = Actor.system("test");

    @Autowired
    FleetService fleet;

    @Autowired
    RegistryTrafficIngestion ingestion;

    @Autowired
    SignalsService signals;

    @Autowired
    TransactionTemplate tx;

    private void declareStamp(String name) {
        fleet.declareStamp(name, TestStamps.oneNodePerPool(NAMES.region()), SYSTEM);
    }

    private void declareRegistry(String name, String stamp) {
        fleet.declareRegistry(
                name,
                new RegistryDeclaration(
                        NAMES.customer("customer"),
                        List.of(new RegistryDeclaration.ReplicaDeclaration(NAMES.region(), stamp))),
                SYSTEM);
    }

    /** One row for the minute {@code minutesAgo} before the engine's current one. */
    private IngestReport send(String registry, String stamp, int minutesAgo) {
        String minute =
                Instant.ofEpochSecond((signals.nowMinute() - minutesAgo) * 60).toString();
        return ingestion.ingest(
                List.of(new RegistryTrafficInput(
                        registry,
                        NAMES.region(),
                        stamp,
                        minute,
                        BigDecimal.valueOf(100),
                        BigDecimal.valueOf(1000),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.valueOf(50))),
                SYSTEM);
    }

    @Test
    void a_cutover_committed_after_a_later_declaration_was_read_is_still_seen() throws Exception {
        declareStamp(NAMES.stamp(1));
        declareStamp(NAMES.stamp(2));
        declareStamp(NAMES.stamp(3));
        declareRegistry(NAMES.registry("a"), NAMES.stamp(1));
        IngestReport first = send(NAMES.registry("a"), NAMES.stamp(1), 1);
        assertThat(first.accepted()).as(first.toString()).isEqualTo(1);

        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> cutover = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            fleet.rehome(
                    new RegistryName(NAMES.registry("a")),
                    new RegionName(NAMES.region()),
                    new StampName(NAMES.stamp(2)),
                    "test cutover",
                    SYSTEM);
            written.countDown();
            try {
                assertThat(mayCommit.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }));
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        // a declaration committed meanwhile: its history row has a higher id than the open cutover's. On another
        // stamp: one onto stamp 2 would wait for the open cutover's lock on that stamp (fleet.StampLocks)
        declareRegistry(NAMES.registry("b"), NAMES.stamp(3));
        assertThat(send(NAMES.registry("b"), NAMES.stamp(3), 0).accepted()).isEqualTo(1);
        assertThat(send(NAMES.registry("a"), NAMES.stamp(2), 0).rejected())
                .as("the cutover is not committed yet")
                .hasSize(1);

        mayCommit.countDown();
        cutover.get(30, TimeUnit.SECONDS);
        IngestReport afterCommit = send(NAMES.registry("a"), NAMES.stamp(2), 0);
        assertThat(afterCommit.rejected()).as(afterCommit.toString()).isEmpty();
        assertThat(afterCommit.accepted()).isEqualTo(1);
    }
}
