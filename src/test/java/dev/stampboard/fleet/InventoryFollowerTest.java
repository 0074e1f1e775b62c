package dev.stampboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.support.TestH2;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two console instances on one database, each with its own snapshot and change-log follower, writing stamps at the
 * same time: each follower announces exactly the stamps the <em>other</em> instance wrote (its own it applied when it
 * wrote them), in one {@link StampsFollowed} read from one reload of the fleet, however many stamps the batch holds
 * and even while its own instance keeps writing (the elected instance of a 500-stamp simulator loads the scenario
 * while its follower runs). The expected names and counts are the test's own: what it declared through which
 * instance, and one batch per {@code followChanges} call.
 */
class InventoryFollowerTest {

    private static final String REGION = "followregion";

    /** One console instance: its snapshot and follower, what it announced, how often it read the whole fleet. */
    private final class Instance {
        final List<StampsFollowed> announced = new ArrayList<>();
        final AtomicLong loads = new AtomicLong();
        /** A write this instance makes whenever it announces something, as a concurrent writer would. */
        Runnable onAnnounce = () -> {};

        final FleetSnapshots snapshots = new FleetSnapshots(
                () -> {
                    loads.incrementAndGet();
                    return snapshotOf(StampInfoLoader.all(jdbc));
                },
                new InventoryChanges(jdbc),
                event -> {
                    announced.add((StampsFollowed) event);
                    onAnnounce.run();
                },
                Clock.systemUTC());

        List<String> announcedNames() {
            return announced.stream()
                    .flatMap(e -> e.stamps().stream())
                    .map(StampInfo::name)
                    .toList();
        }
    }

    private JdbcClient jdbc;
    private TransactionTemplate tx;
    private Instance a;
    private Instance b;
    private int written;

    @BeforeEach
    void twoInstances() {
        DataSource db = TestH2.migrated("inventory-follower");
        jdbc = JdbcClient.create(db);
        tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        jdbc.sql("insert into region (name, zone_id) values (?, 'UTC')")
                .param(REGION)
                .update();
        a = new Instance();
        b = new Instance();
        a.snapshots.followChangesFromNow();
        b.snapshots.followChangesFromNow();
    }

    @Test
    void each_instance_announces_only_the_other_ones_stamps_from_one_reload_per_batch() {
        List<String> throughA = new ArrayList<>();
        List<String> throughB = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            throughA.add(declare(a, "a-" + i));
            if (i % 4 == 0) {
                throughB.add(declare(b, "b-" + i));
            }
        }
        // B keeps writing while it announces: each announcement is followed by a write of its own
        b.onAnnounce = () -> declare(b, "b-meanwhile-" + written);

        long loadsBefore = b.loads.get();
        assertThat(b.snapshots.followChanges()).as("changes B read").isEqualTo(throughA.size());
        assertThat(b.loads.get() - loadsBefore)
                .as("B's reloads of the fleet for one batch")
                .isEqualTo(1);
        assertThat(b.announcedNames()).as("stamps B announced").containsExactlyElementsOf(throughA);
        assertThat(b.announced).as("announcements").hasSize(1);
        assertThat(b.announced.get(0).stamps())
                .as("as A committed them")
                .allSatisfy(s -> assertThat(s.region()).isEqualTo(REGION))
                .allSatisfy(s -> assertThat(s.status()).isEqualTo(StampStatus.ACTIVE));

        List<String> allOfB = jdbc.sql("select name from stamp where name like 'b-%' order by id")
                .query(String.class)
                .list();
        assertThat(allOfB)
                .as("B's stamps, the one written while announcing too")
                .hasSize(throughB.size() + 1);
        long aLoadsBefore = a.loads.get();
        assertThat(a.snapshots.followChanges()).as("changes A read").isEqualTo(allOfB.size());
        assertThat(a.announcedNames()).as("stamps A announced").containsExactlyElementsOf(allOfB);
        assertThat(a.loads.get() - aLoadsBefore)
                .as("A's reloads of the fleet for one batch")
                .isEqualTo(1);
    }

    @Test
    void an_instance_that_only_wrote_itself_reads_nothing_back_and_reloads_nothing() {
        IntStream.rangeClosed(1, 10).forEach(i -> declare(b, "b-" + i));
        long loadsBefore = b.loads.get();

        assertThat(b.snapshots.followChanges()).as("own changes read back").isZero();
        assertThat(b.announced).as("own stamps announced again").isEmpty();
        assertThat(b.loads.get() - loadsBefore).as("reloads").isZero();
        assertThat(a.snapshots.followChanges())
                .as("the other instance reads them")
                .isEqualTo(10);
    }

    @Test
    void a_rolled_back_write_is_not_announced_and_the_next_own_write_is_still_skipped() {
        tx.executeWithoutResult(status -> {
            insertStamp("b-rolled-back");
            b.snapshots.changed(InventoryChanges.STAMP, "b-rolled-back");
            status.setRollbackOnly();
        });
        declare(b, "b-kept");
        declare(a, "a-kept");

        assertThat(b.snapshots.followChanges()).as("changes B read").isEqualTo(1);
        assertThat(b.announcedNames()).containsExactly("a-kept");
        assertThat(a.snapshots.followChanges()).as("changes A read").isEqualTo(1);
        assertThat(a.announcedNames()).containsExactly("b-kept");
    }

    /** A stamp written through {@code instance} in a transaction of its own, as {@code FleetService} writes one. */
    private String declare(Instance instance, String name) {
        tx.executeWithoutResult(status -> {
            insertStamp(name);
            instance.snapshots.changed(InventoryChanges.STAMP, name);
        });
        written++;
        return name;
    }

    private void insertStamp(String name) {
        jdbc.sql("insert into stamp (name, region, kind, status, created_at) values (?, ?, 'SHARED', 'ACTIVE', ?)")
                .params(name, REGION, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    private static FleetSnapshots.FleetSnapshot snapshotOf(List<StampInfo> stamps) {
        Map<String, StampInfo> byName = new LinkedHashMap<>();
        stamps.forEach(s -> byName.put(s.name(), s));
        return new FleetSnapshots.FleetSnapshot(
                List.of(), List.copyOf(stamps), Map.copyOf(byName), List.of(), List.of(), Map.of());
    }
}
