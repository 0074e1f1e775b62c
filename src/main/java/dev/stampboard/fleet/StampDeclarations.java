package dev.stampboard.fleet;

import static dev.stampboard.fleet.InventoryNames.describe;
import static dev.stampboard.fleet.InventoryNames.requireName;
import static dev.stampboard.fleet.InventoryNames.validatePools;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.base.TransitionRefused;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A stamp's writes: the inventory {@code PUT}, a pool resize, a scale set gone or back, and its status steps (activate,
 * drain, retire), each with its stamp-state history entry, audit event and change-log row in the caller's transaction,
 * for {@link FleetService}, which checks the caller's role.
 */
final class StampDeclarations {

    private final StampRepository stamps;
    private final RegionRepository regions;
    private final StampLocks locks;
    private final StampStateHistory stampStates;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FleetSnapshots snapshots;
    private final JdbcClient jdbc;
    private final ObjectProvider<StampInUse> uses;

    StampDeclarations(
            StampRepository stamps,
            RegionRepository regions,
            StampLocks locks,
            StampStateHistory stampStates,
            ApplicationEventPublisher events,
            Clock clock,
            FleetSnapshots snapshots,
            JdbcClient jdbc,
            ObjectProvider<StampInUse> uses) {
        this.stamps = stamps;
        this.regions = regions;
        this.locks = locks;
        this.stampStates = stampStates;
        this.events = events;
        this.clock = clock;
        this.snapshots = snapshots;
        this.jdbc = jdbc;
        this.uses = uses;
    }

    /** Declares a stamp or adds nodes to its pools; a region named for the first time is created in UTC. */
    StampInfo declare(String name, StampDeclaration declaration, Actor actor) {
        requireName(name, "stamp");
        requireName(declaration.region(), "region");
        validatePools(declaration);
        if (!regions.existsById(declaration.region())
                && new RegionFirstWins(jdbc).insert(declaration.region(), "UTC")) {
            events.publishEvent(new FleetChanged(
                    actor, "REGION_ADDED", declaration.region(), "zone UTC (first stamp declared in it)"));
        }
        Optional<Stamp> existing = stamps.findByName(name);
        @Nullable StampInfo before = existing.map(Stamp::toInfo).orElse(null);
        Stamp stamp;
        if (existing.isPresent()) {
            stamp = existing.get();
            if (!stamp.region().equals(declaration.region())) {
                throw new InvalidInputException("Stamp '" + name + "' is in region " + stamp.region()
                        + "; a stamp cannot change region (declared: " + declaration.region() + ")");
            }
            if (declaration.kind() != null && declaration.kind() != stamp.kind()) {
                throw new InvalidInputException("Stamp '" + name + "' is " + stamp.kind()
                        + "; its kind cannot change to " + declaration.kind());
            }
        } else {
            StampKind kind = declaration.kind() == null ? StampKind.SHARED : declaration.kind();
            StampStatus status = declaration.status() == null ? StampStatus.ACTIVE : declaration.status();
            stamp = Stamp.create(name, declaration.region(), kind, status, clock.instant());
        }
        for (StampDeclaration.PoolDeclaration pool : declaration.pools()) {
            stamp.declarePool(pool.pool(), pool.nodes(), pool.minInstances());
        }
        declaration.storageAccounts().forEach(stamp::addStorageAccount);
        stamps.save(stamp);
        StampInfo after = stamp.toInfo();
        stampStates.record(before, after, clock.instant());
        events.publishEvent(new FleetChanged(
                actor, existing.isPresent() ? "STAMP_UPDATED" : "STAMP_DECLARED", name, describe(declaration)));
        changed(name);
        events.publishEvent(new StampDeclared(name));
        return after;
    }

    /** Resizes a pool to exactly {@code nodes} with minimum {@code minimum}; whether anything changed. */
    boolean resizePool(String name, PoolKind kind, List<String> nodes, int minimum, Actor actor) {
        if (minimum < 0 || minimum > nodes.size()) {
            throw new InvalidInputException(
                    "The minimum (" + minimum + ") must be between 0 and the node count (" + nodes.size() + ")");
        }
        nodes.forEach(n -> requireName(n, "node"));
        Stamp stamp = existing(name);
        PoolInfo before = stamp.pool(kind)
                .map(StampPool::toInfo)
                .orElseThrow(() -> new NotFoundException("Stamp " + name + " has no " + kind + " pool"));
        if (new HashSet<>(before.nodes()).equals(new HashSet<>(nodes)) && before.minInstances() == minimum) {
            return false;
        }
        StampInfo unresized = stamp.toInfo();
        stamp.resizePool(kind, nodes, minimum);
        stamps.save(stamp);
        stampStates.record(unresized, stamp.toInfo(), clock.instant());
        events.publishEvent(new FleetChanged(
                actor,
                "POOL_RESIZED",
                name,
                kind + " pool: " + before.currentInstances() + " → " + nodes.size() + " instances, minimum "
                        + before.minInstances() + " → " + minimum));
        // in the change log like every other stamp write, so the other instances follow a resize within a second
        changed(name);
        events.publishEvent(new StampDeclared(name));
        return true;
    }

    void activate(String name, Actor actor) {
        Stamp stamp = existing(name);
        StampInfo provisioning = stamp.toInfo();
        stamp.activate();
        stamps.save(stamp);
        stampStates.record(provisioning, stamp.toInfo(), clock.instant());
        events.publishEvent(new FleetChanged(actor, "STAMP_ACTIVATED", name, "status ACTIVE"));
        changed(name);
        events.publishEvent(new StampDeclared(name));
    }

    /** ACTIVE → DRAINING, under the stamp's lock (see {@link StampLocks}). */
    StampInfo startDraining(String name, @Nullable String reason, Actor actor) {
        Stamp stamp = lockedStamp(name);
        StampInfo active = stamp.toInfo();
        stamp.startDraining();
        return statusChanged(stamp, active, "STAMP_DRAINING", "status DRAINING", reason, actor);
    }

    /**
     * DRAINING → RETIRED once no replica is homed there and no unfinished plan moves replicas off or onto it. The
     * stamp's row is locked first: a second retirement at once waits and is then refused as a stamp already RETIRED,
     * and a placement being committed is waited for and then counted.
     */
    StampInfo retire(String name, @Nullable String reason, Actor actor) {
        Stamp stamp = lockedStamp(name);
        StampInfo draining = stamp.toInfo();
        if (draining.status() == StampStatus.DRAINING) {
            List<String> homed = jdbc.sql("select r.name from replica p join registry r on r.id = p.registry_id"
                            + " where p.home_stamp = ? order by r.name")
                    .param(name)
                    .query(String.class)
                    .list();
            if (!homed.isEmpty()) {
                throw new TransitionRefused("Cannot retire stamp " + name + " while "
                        + homed.size() + " registry replica(s) have it as home stamp (e.g. " + homed.get(0)
                        + "): move them off first");
            }
            List<String> inUse =
                    uses.orderedStream().flatMap(u -> u.usesOf(name).stream()).toList();
            if (!inUse.isEmpty()) {
                throw new TransitionRefused("Cannot retire stamp " + name + " while " + inUse.size()
                        + " move(s) of unfinished plans have it as source or destination (e.g. " + inUse.get(0)
                        + "): let the plan complete or roll it back first");
            }
        }
        stamp.retire();
        return statusChanged(stamp, draining, "STAMP_RETIRED", "status RETIRED", reason, actor);
    }

    /** Marks a pool's scale set missing since now, or clears the mark; whether anything changed. */
    boolean reportScaleSet(String stampName, PoolKind kind, boolean present, Actor actor) {
        Stamp stamp = existing(stampName);
        StampPool pool = stamp.pool(kind)
                .orElseThrow(() -> new NotFoundException("Stamp " + stampName + " has no " + kind + " pool"));
        if (!pool.markScaleSetMissing(present ? null : clock.instant())) {
            return false;
        }
        stamps.save(stamp);
        events.publishEvent(new FleetChanged(
                actor,
                present ? "SCALE_SET_FOUND" : "SCALE_SET_MISSING",
                stampName,
                kind + (present ? ": scale set is back" : ": scale set no longer exists; pool and history kept")));
        changed(stampName);
        return true;
    }

    private Stamp existing(String name) {
        return stamps.findByName(name).orElseThrow(() -> new NotFoundException("No stamp named '" + name + "'"));
    }

    /** The stamp's aggregate, read after locking its row: its status transitions are judged one at a time. */
    private Stamp lockedStamp(String name) {
        long id = locks.require(name).id();
        return stamps.findById(id).orElseThrow(() -> new NotFoundException("No stamp named '" + name + "'"));
    }

    /** Saves a status transition with its stamp-state entry, audit event and change-log row (one transaction). */
    private StampInfo statusChanged(
            Stamp stamp, StampInfo before, String action, String detail, @Nullable String reason, Actor actor) {
        stamps.save(stamp);
        StampInfo after = stamp.toInfo();
        stampStates.record(before, after, clock.instant());
        events.publishEvent(new FleetChanged(
                actor,
                action,
                after.name(),
                reason == null || reason.isBlank() ? detail : detail + ": " + reason.strip()));
        changed(after.name());
        events.publishEvent(new StampDeclared(after.name()));
        return after;
    }

    /** A stamp write: noted in the change log in the same transaction and the snapshot dropped. */
    private void changed(String stamp) {
        snapshots.changed(InventoryChanges.STAMP, stamp);
    }
}
