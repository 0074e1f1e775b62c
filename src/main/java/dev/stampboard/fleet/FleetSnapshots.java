package dev.stampboard.fleet;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The inventory as {@link FleetService} reads it: an immutable snapshot of regions, stamps, customers and registries,
 * rebuilt after each write and after a few seconds, and the change log through which the console instances on one
 * database learn of each other's writes.
 */
final class FleetSnapshots {

    private static final long SNAPSHOT_TTL_NANOS = 5_000_000_000L;

    /** One read of the whole inventory, sorted as the console shows it. */
    record FleetSnapshot(
            List<RegionInfo> regions,
            List<StampInfo> stamps,
            Map<String, StampInfo> stampsByName,
            List<CustomerInfo> customers,
            List<RegistryInfo> registries,
            Map<String, RegistryInfo> registriesByName) {}

    private final Supplier<FleetSnapshot> loader;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final InventoryChanges changes;
    private final InventorySnapshot<FleetSnapshot> snapshot =
            new InventorySnapshot<>(this::load, SNAPSHOT_TTL_NANOS, System::nanoTime);

    FleetSnapshots(
            Supplier<FleetSnapshot> loader, InventoryChanges changes, ApplicationEventPublisher events, Clock clock) {
        this.loader = loader;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    FleetSnapshot get() {
        return snapshot.get();
    }

    /**
     * A write of the inventory: noted in the change log in the same transaction (the other console instances on the
     * database re-read what it names, see {@link #followChanges}) and the snapshot dropped.
     */
    void changed(String kind, String subject) {
        changes.record(kind, subject, clock.instant());
        invalidate();
    }

    /**
     * Reads the inventory changes other instances committed since the last call: the snapshot is dropped when there
     * are any, and the changed stamps are announced as one {@link StampsFollowed}, read from one reload of the
     * snapshot for the whole batch (announced one by one, each listener's read found the snapshot dropped again by a
     * write made meanwhile, and reloaded the whole fleet per stamp). Returns how many changes were read.
     */
    int followChanges() {
        List<InventoryChanges.Change> fresh = changes.poll();
        if (fresh.isEmpty()) {
            return 0;
        }
        snapshot.invalidate();
        List<String> stamps = fresh.stream()
                .filter(c -> c.kind().equals(InventoryChanges.STAMP))
                .map(InventoryChanges.Change::subject)
                .distinct()
                .toList();
        if (!stamps.isEmpty()) {
            Map<String, StampInfo> batch = snapshot.get().stampsByName();
            events.publishEvent(new StampsFollowed(
                    stamps.stream().map(batch::get).filter(Objects::nonNull).toList()));
        }
        return fresh.size();
    }

    /** Starts following the change log from its end (at start-up, when the whole inventory is read anyway). */
    void followChangesFromNow() {
        changes.startAtEnd();
        snapshot.invalidate();
    }

    /** Queries the change log follower has sent. */
    long changeQueries() {
        return changes.queries();
    }

    /** Drops the snapshot now and again after commit, so no reader caches what was read before the commit. */
    void invalidate() {
        snapshot.invalidate();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshot.invalidate();
                }
            });
        }
    }

    private synchronized FleetSnapshot load() {
        return loader.get();
    }
}
