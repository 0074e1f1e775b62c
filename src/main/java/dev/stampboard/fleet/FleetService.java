package dev.stampboard.fleet;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The inventory's application service. Reads come from an immutable snapshot rebuilt after each
 * write, because the dashboard and the simulator read the whole fleet every few seconds. The snapshot
 * also expires after a few seconds, so an instance sees what another console instance on the same
 * database wrote.
 */
@Service
public class FleetService {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern REGISTRY_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,254}");

    private final StampRepository stamps;
    private final RegionRepository regions;
    private final CustomerRepository customers;
    private final RegistryRepository registries;
    private final HomeStampChangeRepository history;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private static final long SNAPSHOT_TTL_NANOS = 5_000_000_000L;

    private final HomeStampTimelineFollower timeline;
    private final InventoryChanges changes;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final InventorySnapshot<FleetSnapshot> snapshot =
            new InventorySnapshot<>(this::load, SNAPSHOT_TTL_NANOS, System::nanoTime);

    FleetService(
            StampRepository stamps,
            RegionRepository regions,
            CustomerRepository customers,
            RegistryRepository registries,
            HomeStampChangeRepository history,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.stamps = stamps;
        this.regions = regions;
        this.customers = customers;
        this.registries = registries;
        this.history = history;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.changes = new InventoryChanges(jdbc);
        this.jdbc = jdbc;
        this.timeline = new HomeStampTimelineFollower(
                new HomeStampTimelineFollower.Source() {
                    @Override
                    public List<HomeStampChange> after(long afterId) {
                        return history.findByIdGreaterThanOrderByIdAsc(afterId);
                    }

                    @Override
                    public List<HomeStampChange> withIds(java.util.Collection<Long> ids) {
                        return history.findAllById(ids);
                    }
                },
                System::nanoTime);
    }

    // ---- reads -------------------------------------------------------------------------------

    public List<RegionInfo> regions() {
        return snapshot().regions();
    }

    public List<StampInfo> stamps() {
        return snapshot().stamps();
    }

    public List<StampInfo> stamps(String region) {
        return snapshot().stamps().stream()
                .filter(s -> s.region().equals(region))
                .toList();
    }

    public Optional<StampInfo> stamp(String name) {
        return Optional.ofNullable(snapshot().stampsByName().get(name));
    }

    /**
     * One stamp as committed, read from the database without rebuilding the snapshot: for listeners of
     * {@link StampDeclared}, which would otherwise reload the whole fleet once per declared stamp (minutes for
     * thousands of stamps declared one by one).
     */
    @Transactional(readOnly = true)
    public Optional<StampInfo> freshStamp(String name) {
        return stamps.findByName(name).map(Stamp::toInfo);
    }

    public StampInfo requireStamp(String name) {
        return stamp(name).orElseThrow(() -> new NotFoundException("No stamp named '" + name + "'"));
    }

    public List<RegistryInfo> registries() {
        return snapshot().registries();
    }

    public List<RegistryInfo> registriesOf(String customer) {
        return snapshot().registries().stream()
                .filter(r -> r.customer().equals(customer))
                .toList();
    }

    public Optional<RegistryInfo> registry(String name) {
        return Optional.ofNullable(snapshot().registriesByName().get(name));
    }

    /** Registries whose replica in the stamp's region is served by that stamp. */
    public List<RegistryInfo> registriesOn(String stamp) {
        StampInfo info = requireStamp(stamp);
        return snapshot().registries().stream()
                .filter(r -> r.homeStamp(info.region()).map(stamp::equals).orElse(false))
                .toList();
    }

    public List<CustomerInfo> customers() {
        return snapshot().customers();
    }

    public Optional<CustomerInfo> customer(String name) {
        return snapshot().customers().stream()
                .filter(c -> c.name().equals(name))
                .findFirst();
    }

    public boolean isEmpty() {
        return snapshot().stamps().isEmpty() && snapshot().registries().isEmpty();
    }

    @Transactional(readOnly = true)
    public List<HomeStampChange> homeStampHistory(String registry) {
        return history.findByRegistryOrderByChangedAtAsc(registry);
    }

    /** Every home-stamp change into or out of the stamp (first placements included), oldest first. */
    @Transactional(readOnly = true)
    public List<HomeStampChange> homeStampChangesOf(String stamp) {
        return history.findByFromStampOrToStampOrderByChangedAtAsc(stamp, stamp);
    }

    /**
     * Every replica's home stamps over time, for checking traffic reported for past minutes: read incrementally
     * (only rows committed since the last call), because ingestion asks on every call.
     */
    @Transactional(readOnly = true)
    public HomeStampTimeline homeStampTimeline() {
        return timeline.catchUp();
    }

    // ---- writes ------------------------------------------------------------------------------

    @Transactional
    public void addRegion(String name, ZoneId zone, Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER, Role.INGEST);
        requireName(name, "region");
        if (regions.existsById(name)) {
            throw new InvalidInputException("Region '" + name + "' already exists");
        }
        regions.save(Region.create(name, zone.getId()));
        events.publishEvent(new FleetChanged(actor, "REGION_ADDED", name, "zone " + zone.getId()));
        changed(InventoryChanges.REGION, name);
    }

    /**
     * Declares a stamp or adds nodes to its pools (the inventory {@code PUT}). A region named for
     * the first time is created in UTC. Existing nodes are kept: history is never deleted here.
     */
    @Transactional
    public StampInfo declareStamp(String name, StampDeclaration declaration, Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER, Role.INGEST);
        requireName(name, "stamp");
        requireName(declaration.region(), "region");
        validatePools(declaration);
        if (!regions.existsById(declaration.region())
                && new RegionFirstWins(jdbc).insert(declaration.region(), "UTC")) {
            events.publishEvent(new FleetChanged(
                    actor, "REGION_ADDED", declaration.region(), "zone UTC (first stamp declared in it)"));
        }
        Optional<Stamp> existing = stamps.findByName(name);
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
        events.publishEvent(new FleetChanged(
                actor, existing.isPresent() ? "STAMP_UPDATED" : "STAMP_DECLARED", name, describe(declaration)));
        changed(InventoryChanges.STAMP, name);
        events.publishEvent(new StampDeclared(name));
        return stamp.toInfo();
    }

    /**
     * Resizes a pool to exactly {@code nodes} with minimum {@code minimum} (≤ the node count): what a
     * {@link PoolCapacity} does once the scale set has the new size. Idempotent: the same nodes again change
     * nothing and are not audited again. Returns whether anything changed.
     */
    @Transactional
    public boolean resizePool(String name, PoolKind kind, List<String> nodes, int minimum, Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER);
        if (minimum < 0 || minimum > nodes.size()) {
            throw new InvalidInputException(
                    "The minimum (" + minimum + ") must be between 0 and the node count (" + nodes.size() + ")");
        }
        nodes.forEach(n -> requireName(n, "node"));
        Stamp stamp = stamps.findByName(name).orElseThrow(() -> new NotFoundException("No stamp named '" + name + "'"));
        PoolInfo before = stamp.pool(kind)
                .map(StampPool::toInfo)
                .orElseThrow(() -> new NotFoundException("Stamp " + name + " has no " + kind + " pool"));
        if (new java.util.HashSet<>(before.nodes()).equals(new java.util.HashSet<>(nodes))
                && before.minInstances() == minimum) {
            return false;
        }
        stamp.resizePool(kind, nodes, minimum);
        stamps.save(stamp);
        events.publishEvent(new FleetChanged(
                actor,
                "POOL_RESIZED",
                name,
                kind + " pool: " + before.currentInstances() + " → " + nodes.size() + " instances, minimum "
                        + before.minInstances() + " → " + minimum));
        invalidate();
        events.publishEvent(new StampDeclared(name));
        return true;
    }

    @Transactional
    public void activateStamp(String name, Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER, Role.INGEST);
        Stamp stamp = stamps.findByName(name).orElseThrow(() -> new NotFoundException("No stamp named '" + name + "'"));
        stamp.activate();
        stamps.save(stamp);
        events.publishEvent(new FleetChanged(actor, "STAMP_ACTIVATED", name, "status ACTIVE"));
        changed(InventoryChanges.STAMP, name);
        events.publishEvent(new StampDeclared(name));
    }

    /**
     * Records whether a pool's scale set is still there (cloud inventory). A pool whose scale set
     * vanished is marked since now, never deleted; it is cleared when the scale set is seen again.
     * Returns whether anything changed (only changes are audited).
     */
    @Transactional
    public boolean reportScaleSet(String stampName, PoolKind kind, boolean present, Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER, Role.INGEST);
        Stamp stamp = stamps.findByName(stampName)
                .orElseThrow(() -> new NotFoundException("No stamp named '" + stampName + "'"));
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
        changed(InventoryChanges.STAMP, stampName);
        return true;
    }

    @Transactional
    public void addCustomer(String name, String displayName, Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER, Role.INGEST);
        requireName(name, "customer");
        if (customers.findByName(name).isPresent()) {
            throw new InvalidInputException("Customer '" + name + "' already exists");
        }
        customers.save(new Customer(null, name, displayName));
        events.publishEvent(new FleetChanged(actor, "CUSTOMER_ADDED", name, displayName));
        changed(InventoryChanges.CUSTOMER, name);
    }

    /** Adds a registry with one replica per region, each bound to its first home stamp. */
    @Transactional
    public void addRegistry(String name, String customer, Map<String, String> homeStampByRegion, Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER, Role.INGEST);
        if (!REGISTRY_NAME.matcher(name).matches()) {
            throw new InvalidInputException(
                    "Registry name '" + name + "' must be lower-case letters, digits, dots and dashes");
        }
        if (customers.findByName(customer).isEmpty()) {
            throw new InvalidInputException("Unknown customer '" + customer + "'");
        }
        if (registries.findByName(name).isPresent()) {
            throw new InvalidInputException("Registry '" + name + "' already exists");
        }
        Registry registry = Registry.create(name, customer);
        homeStampByRegion.forEach((region, stampName) -> {
            Stamp stamp = stamps.findByName(stampName)
                    .orElseThrow(() -> new InvalidInputException("Unknown home stamp '" + stampName + "' for " + name));
            if (!stamp.region().equals(region)) {
                throw new InvalidInputException("Stamp " + stampName + " is not in region " + region);
            }
            placeReplica(registry, region, stampName, "registry created");
        });
        registries.save(registry);
        events.publishEvent(new FleetChanged(
                actor, "REGISTRY_ADDED", name, "customer " + customer + ", home stamps " + homeStampByRegion));
        changed(InventoryChanges.REGISTRY, name);
    }

    /**
     * Declares a registry or updates it (the inventory {@code PUT} for bring-your-own fleets): its
     * customer (created on first mention) and one replica per listed region. A replica is placed on its
     * home stamp when it is first declared; a different home stamp for an existing replica is refused,
     * because moving a replica is a cutover and goes through a plan. Replicas not listed are kept.
     */
    @Transactional
    public RegistryInfo declareRegistry(String name, RegistryDeclaration declaration, Actor actor) {
        return declareRegistries(List.of(new NamedRegistryDeclaration(name, declaration)), actor)
                .get(0);
    }

    /** Most registries one batch may declare: a batch is one transaction. */
    public static final int MAX_REGISTRIES_PER_BATCH = 5_000;

    /**
     * Declares many registries as {@link #declareRegistry} does, in one transaction: all are stored or, when one is
     * refused, none (the message names its index). One commit and one look-up per stamp and customer instead of one
     * per registry is what makes a fleet of 50,000 registries declarable in seconds.
     */
    @Transactional
    public List<RegistryInfo> declareRegistries(List<NamedRegistryDeclaration> batch, Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER, Role.INGEST);
        if (batch.size() > MAX_REGISTRIES_PER_BATCH) {
            throw new InvalidInputException(
                    "At most " + MAX_REGISTRIES_PER_BATCH + " registries per request; split the batch");
        }
        Map<String, Optional<String>> stampRegions = new HashMap<>();
        Set<String> knownCustomers = new HashSet<>();
        Set<String> seen = new HashSet<>();
        List<RegistryInfo> declared = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < batch.size(); i++) {
            NamedRegistryDeclaration each = batch.get(i);
            String where = batch.size() == 1 ? "" : "registries[" + i + "] (" + each.name() + "): ";
            if (!seen.add(each.name())) {
                throw new InvalidInputException(where + "listed twice in one request");
            }
            try {
                Declared result = declareOne(each.name(), each.declaration(), actor, stampRegions, knownCustomers);
                declared.add(result.info());
                changed |= result.changed();
            } catch (InvalidInputException e) {
                throw new InvalidInputException(where + e.getMessage());
            }
        }
        if (changed) {
            changed(InventoryChanges.REGISTRY, batch.size() == 1 ? batch.get(0).name() : batch.size() + " registries");
        }
        return declared;
    }

    /** A registry's name with what is declared about it, for {@link #declareRegistries}. */
    public record NamedRegistryDeclaration(String name, RegistryDeclaration declaration) {}

    private record Declared(RegistryInfo info, boolean changed) {}

    private Declared declareOne(
            String name,
            RegistryDeclaration declaration,
            Actor actor,
            Map<String, Optional<String>> stampRegions,
            Set<String> knownCustomers) {
        if (!REGISTRY_NAME.matcher(name).matches()) {
            throw new InvalidInputException(
                    "Registry name '" + name + "' must be lower-case letters, digits, dots and dashes");
        }
        requireName(declaration.customer(), "customer");
        Map<String, String> homes = new LinkedHashMap<>();
        for (RegistryDeclaration.ReplicaDeclaration replica : declaration.replicas()) {
            if (homes.putIfAbsent(replica.region(), replica.homeStamp()) != null) {
                throw new InvalidInputException(
                        "Region " + replica.region() + " is listed twice; a registry has one replica per region");
            }
            // a stamp never changes region: one look-up per stamp serves the whole batch
            String region = stampRegions
                    .computeIfAbsent(
                            replica.homeStamp(), s -> stamps.findByName(s).map(Stamp::region))
                    .orElseThrow(() -> new InvalidInputException(
                            "Unknown home stamp '" + replica.homeStamp() + "' for " + name + " in " + replica.region()
                                    + ": declare it first with PUT /api/v1/stamps/" + replica.homeStamp()));
            if (!region.equals(replica.region())) {
                throw new InvalidInputException(
                        "Stamp " + replica.homeStamp() + " is in region " + region + ", not " + replica.region());
            }
        }
        if (!knownCustomers.contains(declaration.customer())) {
            if (customers.findByName(declaration.customer()).isEmpty()) {
                customers.save(new Customer(null, declaration.customer(), declaration.customer()));
                events.publishEvent(new FleetChanged(
                        actor, "CUSTOMER_ADDED", declaration.customer(), "first named by registry " + name));
            }
            knownCustomers.add(declaration.customer());
        }
        Optional<Registry> existing = registries.findByName(name);
        Registry registry = existing.orElseGet(() -> Registry.create(name, declaration.customer()));
        List<String> changes = new ArrayList<>();
        if (existing.isPresent() && !registry.customer().equals(declaration.customer())) {
            changes.add("customer " + registry.customer() + " -> " + declaration.customer());
            registry.reassignTo(declaration.customer());
        }
        homes.forEach((region, homeStamp) -> {
            Optional<Replica> replica = registry.replica(region);
            if (replica.isEmpty()) {
                placeReplica(registry, region, homeStamp, "registry declared");
                changes.add(region + " on " + homeStamp);
            } else if (!replica.get().homeStamp().equals(homeStamp)) {
                throw new InvalidInputException("The replica of " + name + " in " + region + " is served by "
                        + replica.get().homeStamp() + "; declaring it on " + homeStamp + " would move it. A move is a "
                        + "cutover: create a plan (POST /api/v1/plans), have it approved and run it");
            }
        });
        boolean changed = existing.isEmpty() || !changes.isEmpty();
        if (changed) {
            registries.save(registry);
            events.publishEvent(new FleetChanged(
                    actor,
                    existing.isPresent() ? "REGISTRY_UPDATED" : "REGISTRY_DECLARED",
                    name,
                    "customer " + declaration.customer()
                            + (changes.isEmpty() ? "" : "; " + String.join(", ", changes))));
        }
        return new Declared(registry.toInfo(), changed);
    }

    /** A replica's first placement is a home-stamp change too: recorded, and the endpoint's routing entry follows it. */
    private void placeReplica(Registry registry, String region, String homeStamp, String reason) {
        registry.addReplica(region, homeStamp);
        history.save(new HomeStampChange(null, registry.name(), region, null, homeStamp, clock.instant(), reason));
        events.publishEvent(new HomeStampChanged(registry.name(), region, null, homeStamp));
    }

    /**
     * The cutover's idempotent write: moves the replica unless the database already has it on
     * {@code toStamp} (a step retried after a crash, or done by another instance). Returns whether it moved.
     */
    @Transactional
    public boolean rehomeIfNeeded(
            RegistryName registryName, RegionName region, StampName toStamp, String reason, Actor actor) {
        Registry registry = registries
                .findByName(registryName.value())
                .orElseThrow(() -> new NotFoundException("No registry named '" + registryName + "'"));
        if (registry.toInfo().homeStamp(region.value()).orElse("").equals(toStamp.value())) {
            return false;
        }
        rehome(registryName, region, toStamp, reason, actor);
        return true;
    }

    /** The cutover's one write: the replica's home stamp changes, with its history and audit entry. */
    @Transactional
    public void rehome(RegistryName registryName, RegionName region, StampName toStamp, String reason, Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER);
        Registry registry = registries
                .findByName(registryName.value())
                .orElseThrow(() -> new NotFoundException("No registry named '" + registryName + "'"));
        Stamp destination = stamps.findByName(toStamp.value())
                .orElseThrow(() -> new NotFoundException("No stamp named '" + toStamp + "'"));
        if (!destination.region().equals(region.value())) {
            throw new InvalidInputException("Stamp " + toStamp + " is in " + destination.region() + ", not " + region
                    + ": moves never leave a region");
        }
        String from = registry.rehome(region.value(), toStamp.value());
        registries.save(registry);
        history.save(new HomeStampChange(
                null, registryName.value(), region.value(), from, toStamp.value(), clock.instant(), reason));
        changed(InventoryChanges.REGISTRY, registryName.value());
        events.publishEvent(new FleetChanged(
                actor,
                "HOME_STAMP_CHANGED",
                registryName.value(),
                region + ": " + from + " -> " + toStamp + " (" + reason + ")"));
        events.publishEvent(new HomeStampChanged(registryName.value(), region.value(), from, toStamp.value()));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static void requireName(@Nullable String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("The " + what + " name '" + name
                    + "' must be 1–63 lower-case letters, digits or dashes, starting with a letter or digit");
        }
    }

    private static void validatePools(StampDeclaration declaration) {
        Set<PoolKind> seen = new HashSet<>();
        for (StampDeclaration.PoolDeclaration pool : declaration.pools()) {
            if (pool.pool() == null) {
                throw new InvalidInputException("Each pool needs a 'pool' of REGISTRY or DATAPROXY");
            }
            if (!seen.add(pool.pool())) {
                throw new InvalidInputException("Pool " + pool.pool() + " is declared twice");
            }
            Set<String> nodes = new HashSet<>();
            for (String node : pool.nodes()) {
                requireName(node, "node");
                if (!nodes.add(node)) {
                    throw new InvalidInputException("Node '" + node + "' is listed twice in pool " + pool.pool());
                }
            }
        }
    }

    private static String describe(StampDeclaration d) {
        StringBuilder sb = new StringBuilder("region ").append(d.region());
        d.pools()
                .forEach(p -> sb.append(", ")
                        .append(p.pool())
                        .append(": ")
                        .append(p.nodes().size())
                        .append(" nodes"));
        return sb.toString();
    }

    /**
     * A write of the inventory: noted in the change log in the same transaction (the other console instances on the
     * database re-read what it names, see {@link #followChanges}) and the snapshot dropped.
     */
    private void changed(String kind, String subject) {
        changes.record(kind, subject, clock.instant());
        invalidate();
    }

    /**
     * Reads the inventory changes any instance committed since the last call (every second, driven by the signals
     * follower): the snapshot is dropped when there are any, and each changed stamp is announced as
     * {@link StampDeclared} so the signals engine declares its pools and nodes. Changes this instance made are read
     * too; re-declaring a stamp is harmless. Returns how many changes were read.
     */
    public int followChanges() {
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
    public void followChangesFromNow() {
        changes.startAtEnd();
        snapshot.invalidate();
    }

    /** Queries the change log follower has sent, for the measurements of following's database load. */
    public long changeQueries() {
        return changes.queries();
    }

    /** Drops the snapshot now and again after commit, so no reader caches what was read before the commit. */
    private void invalidate() {
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

    private FleetSnapshot snapshot() {
        return snapshot.get();
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

    private record FleetSnapshot(
            List<RegionInfo> regions,
            List<StampInfo> stamps,
            Map<String, StampInfo> stampsByName,
            List<CustomerInfo> customers,
            List<RegistryInfo> registries,
            Map<String, RegistryInfo> registriesByName) {}
}
