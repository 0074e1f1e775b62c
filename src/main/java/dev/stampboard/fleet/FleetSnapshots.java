package dev.stampboard.fleet;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final RegionRepository regions;
    private final CustomerRepository customers;
    private final RegistryRepository registries;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final InventoryChanges changes;
    private final InventorySnapshot<FleetSnapshot> snapshot =
            new InventorySnapshot<>(this::load, SNAPSHOT_TTL_NANOS, System::nanoTime);

    FleetSnapshots(
            RegionRepository regions,
            CustomerRepository customers,
            RegistryRepository registries,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.regions = regions;
        this.customers = customers;
        this.registries = registries;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.changes = new InventoryChanges(jdbc);
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
     * Reads the inventory changes any instance committed since the last call: the snapshot is dropped when there are
     * any, and each changed stamp is announced as {@link StampDeclared}. Returns how many changes were read.
     */
    int followChanges() {
        List<InventoryChanges.Change> fresh = changes.poll();
        if (fresh.isEmpty()) {
            return 0;
        }
        snapshot.invalidate();
        fresh.stream()
                .filter(c -> c.kind().equals(InventoryChanges.STAMP))
                .map(InventoryChanges.Change::subject)
                .distinct()
                .forEach(stamp -> events.publishEvent(new StampDeclared(stamp, true)));
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
        // four queries, not the repository's few per stamp: every instance reloads this when another changed the fleet
        List<StampInfo> stampInfos = new ArrayList<>(StampInfoLoader.all(jdbc));
        stampInfos.sort(Comparator.comparing(StampInfo::region).thenComparing(StampInfo::name));
        Map<String, StampInfo> byName = new LinkedHashMap<>();
        stampInfos.forEach(s -> byName.put(s.name(), s));
        List<RegistryInfo> registryInfos = registries.findAll().stream()
                .map(Registry::toInfo)
                .sorted(Comparator.comparing(RegistryInfo::name))
                .toList();
        Map<String, RegistryInfo> registriesByName = new HashMap<>();
        registryInfos.forEach(r -> registriesByName.put(r.name(), r));
        return new FleetSnapshot(
                regions.findAll().stream()
                        .map(Region::toInfo)
                        .sorted(Comparator.comparing(RegionInfo::name))
                        .toList(),
                List.copyOf(stampInfos),
                Map.copyOf(byName),
                customers.findAll().stream()
                        .map(Customer::toInfo)
                        .sorted(Comparator.comparing(CustomerInfo::name))
                        .toList(),
                registryInfos,
                Map.copyOf(registriesByName));
    }
}
