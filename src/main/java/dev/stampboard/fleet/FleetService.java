package dev.stampboard.fleet;

import static dev.stampboard.fleet.InventoryNames.requireName;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory's application service. Reads come from an immutable snapshot rebuilt after each
 * write, because the dashboard and the simulator read the whole fleet every few seconds. The snapshot
 * also expires after a few seconds, so an instance sees what another console instance on the same
 * database wrote.
 */
@Service
public class FleetService {

    private final StampRepository stamps;
    private final RegionRepository regions;
    private final CustomerRepository customers;
    private final RegistryRepository registries;
    private final HomeStampChangeRepository history;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    private final HomeStampTimelineFollower timeline;
    private final FleetSnapshots snapshots;
    private final RegistryDeclarations declarations;
    private final HomeStampMoves homeStamps;
    private final StampStateHistory stampStates;
    private final StampDeclarations stampWrites;

    FleetService(
            StampRepository stamps,
            RegionRepository regions,
            CustomerRepository customers,
            RegistryRepository registries,
            HomeStampChangeRepository history,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock,
            org.springframework.jdbc.core.simple.JdbcClient jdbc,
            ObjectProvider<StampInUse> uses) {
        this.stamps = stamps;
        this.regions = regions;
        this.customers = customers;
        this.registries = registries;
        this.history = history;
        this.currentUser = currentUser;
        this.events = events;
        this.snapshots = new FleetSnapshots(
                new FleetSnapshotLoader(regions, customers, registries, jdbc)::load,
                new InventoryChanges(jdbc),
                events,
                clock);
        StampLocks locks = new StampLocks(jdbc);
        this.declarations = new RegistryDeclarations(locks, customers, registries, history, events, clock, snapshots);
        this.homeStamps = new HomeStampMoves(locks, registries, history, events, clock, snapshots);
        this.stampStates = new StampStateHistory(jdbc);
        this.stampWrites =
                new StampDeclarations(stamps, regions, locks, stampStates, events, clock, snapshots, jdbc, uses);
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

    /**
     * Every stamp's status and pool nodes over time, for the simulator to generate a past minute with the stamps as
     * they were then: read incrementally (only entries committed since the last call).
     */
    @Transactional(readOnly = true)
    public StampStateTimeline stampStateTimeline() {
        return stampStates.catchUp();
    }

    /** Drops from this instance's stamp-state timeline what the retention prunes ({@link StampStateRetention}). */
    void forgetStampStatesBefore(java.time.Instant cutoff) {
        stampStates.forgetSupersededBefore(cutoff);
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
        return stampWrites.declare(name, declaration, actor);
    }

    /**
     * Resizes a pool to exactly {@code nodes} with minimum {@code minimum} (≤ the node count): what a
     * {@link PoolCapacity} does once the scale set has the new size. Idempotent: the same nodes again change
     * nothing and are not audited again. Returns whether anything changed.
     */
    @Transactional
    public boolean resizePool(String name, PoolKind kind, List<String> nodes, int minimum, Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER);
        return stampWrites.resizePool(name, kind, nodes, minimum, actor);
    }

    @Transactional
    public void activateStamp(String name, Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER, Role.INGEST);
        stampWrites.activate(name, actor);
    }

    /**
     * Starts draining an ACTIVE stamp: it keeps reporting CPU while its registries are moved off, but serves no new
     * placements (the simulator routes nothing new to it). Refused (409) from any other status. An engineer's decision,
     * audited with its reason, and in the stamp-state history in the same transaction, so every instance's simulator
     * counts it from the next minute.
     */
    @Transactional
    public StampInfo startDrainingStamp(String name, @Nullable String reason, Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER);
        return stampWrites.startDraining(name, reason, actor);
    }

    /**
     * Retires a DRAINING stamp once no replica has it as its home stamp any more and nothing still moves replicas off
     * or onto it (a plan run not finished: its rollback would put replicas back): refused (409) from any other status
     * or while either holds, naming how many and one of them.
     */
    @Transactional
    public StampInfo retireStamp(String name, @Nullable String reason, Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER);
        return stampWrites.retire(name, reason, actor);
    }

    /**
     * Records whether a pool's scale set is still there (cloud inventory). A pool whose scale set
     * vanished is marked since now, never deleted; it is cleared when the scale set is seen again.
     * Returns whether anything changed (only changes are audited).
     */
    @Transactional
    public boolean reportScaleSet(String stampName, PoolKind kind, boolean present, Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER, Role.INGEST);
        return stampWrites.reportScaleSet(stampName, kind, present, actor);
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
        declarations.add(name, customer, homeStampByRegion, actor);
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
        return declarations.declare(batch, actor);
    }

    /** A registry's name with what is declared about it, for {@link #declareRegistries}. */
    public record NamedRegistryDeclaration(String name, RegistryDeclaration declaration) {}

    /**
     * The executor's idempotent write: moves the replica unless the database already has it on {@code toStamp} (a
     * step retried after a crash, or done by another instance). Returns whether it moved. A stamp whose status does
     * not take the {@code placement} refuses it ({@link StampClosedToPlacement}).
     */
    @Transactional
    public boolean rehomeIfNeeded(
            RegistryName registryName,
            RegionName region,
            StampName toStamp,
            Placement placement,
            String reason,
            Actor actor) {
        // checked before the read too: without the role, nothing is said about where the replica is
        currentUser.requireRole(actor, Role.ENGINEER);
        if (homeStamps.isOn(registryName, region, toStamp)) {
            return false;
        }
        rehome(registryName, region, toStamp, placement, reason, actor);
        return true;
    }

    /** A cutover's one write: the replica's home stamp changes, with its history and audit entry. */
    @Transactional
    public void rehome(RegistryName registryName, RegionName region, StampName toStamp, String reason, Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER);
        homeStamps.rehome(registryName, region, toStamp, Placement.CUTOVER, reason, actor);
    }

    /** The replica's home stamp changes (a cutover or a rollback), with its history and audit entry. */
    @Transactional
    public void rehome(
            RegistryName registryName,
            RegionName region,
            StampName toStamp,
            Placement placement,
            String reason,
            Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER);
        homeStamps.rehome(registryName, region, toStamp, placement, reason, actor);
    }

    /** A write of the inventory: noted in the change log in the same transaction and the snapshot dropped. */
    private void changed(String kind, String subject) {
        snapshots.changed(kind, subject);
    }

    /**
     * Reads the inventory changes other instances committed since the last call (every second, driven by the signals
     * follower): the snapshot is dropped when there are any, and the changed stamps are announced as one
     * {@link StampsFollowed} so the signals engine declares their pools and nodes. Changes this instance made are
     * skipped: it applied them when it made them. Returns how many changes were read.
     */
    public int followChanges() {
        return snapshots.followChanges();
    }

    /** Starts following the change log from its end (at start-up, when the whole inventory is read anyway). */
    public void followChangesFromNow() {
        snapshots.followChangesFromNow();
    }

    /** Queries the change log follower has sent, for the measurements of following's database load. */
    public long changeQueries() {
        return snapshots.changeQueries();
    }

    private FleetSnapshots.FleetSnapshot snapshot() {
        return snapshots.get();
    }
}
