package dev.stampboard.fleet;

import dev.stampboard.base.TransitionRefused;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;

/** Aggregate root of one stamp. Its status changes only through the guarded transitions below. */
class Stamp {

    @Id
    private @Nullable Long id;

    private final String name;
    private final String region;
    private final StampKind kind;
    private StampStatus status;
    private final Instant createdAt;

    @Version
    private int version;

    @MappedCollection(idColumn = "stamp_id")
    private final Set<StampPool> pools;

    @MappedCollection(idColumn = "stamp_id")
    private final Set<StorageAccount> storageAccounts;

    @PersistenceCreator
    Stamp(
            @Nullable Long id,
            String name,
            String region,
            StampKind kind,
            StampStatus status,
            Instant createdAt,
            int version,
            Set<StampPool> pools,
            Set<StorageAccount> storageAccounts) {
        this.id = id;
        this.name = name;
        this.region = region;
        this.kind = kind;
        this.status = status;
        this.createdAt = createdAt;
        this.version = version;
        this.pools = new LinkedHashSet<>(pools);
        this.storageAccounts = new LinkedHashSet<>(storageAccounts);
    }

    static Stamp create(String name, String region, StampKind kind, StampStatus status, Instant now) {
        return new Stamp(null, name, region, kind, status, now, 0, Set.of(), Set.of());
    }

    String name() {
        return name;
    }

    String region() {
        return region;
    }

    StampKind kind() {
        return kind;
    }

    StampStatus status() {
        return status;
    }

    Optional<StampPool> pool(PoolKind kind) {
        return pools.stream().filter(p -> p.kind() == kind).findFirst();
    }

    /** Adds nodes to a pool (creating the pool if needed); existing nodes and their history stay. */
    void declarePool(PoolKind kind, Collection<String> nodeNames, @Nullable Integer minInstances) {
        StampPool pool = pool(kind).orElseGet(() -> {
            StampPool created = StampPool.empty(kind);
            pools.add(created);
            return created;
        });
        pool.addNodes(nodeNames);
        if (minInstances != null) {
            pool.changeMinimum(minInstances);
        }
    }

    /** Resizes an existing pool to exactly these nodes and this minimum (a capacity change). */
    void resizePool(PoolKind kind, Collection<String> nodeNames, int minInstances) {
        StampPool pool = pool(kind)
                .orElseThrow(
                        () -> new dev.stampboard.base.NotFoundException("Stamp " + name + " has no " + kind + " pool"));
        pool.replaceNodes(nodeNames);
        pool.changeMinimum(minInstances);
    }

    void addStorageAccount(String account) {
        storageAccounts.add(new StorageAccount(account));
    }

    void activate() {
        move(StampStatus.ACTIVE, "activate");
    }

    void startDraining() {
        move(StampStatus.DRAINING, "start draining");
    }

    void retire() {
        move(StampStatus.RETIRED, "retire");
    }

    /** Guards a step to {@code to} by the table in {@link StampStatus}. */
    private void move(StampStatus to, String action) {
        if (!status.canMoveTo(to)) {
            throw new TransitionRefused("Cannot " + action + " stamp " + name + " while it is " + status);
        }
        status = to;
    }

    StampInfo toInfo() {
        return new StampInfo(
                name,
                region,
                kind,
                status,
                pools.stream()
                        .map(StampPool::toInfo)
                        .sorted((a, b) -> a.kind().compareTo(b.kind()))
                        .toList(),
                storageAccounts.stream().map(StorageAccount::name).sorted().toList());
    }
}
