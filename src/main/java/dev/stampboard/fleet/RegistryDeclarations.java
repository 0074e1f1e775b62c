package dev.stampboard.fleet;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Registries declared in batches (the inventory {@code PUT} for bring-your-own fleets), each with its customer and
 * one replica per region placed on its first home stamp, for {@link FleetService}, which checks the caller's role.
 */
final class RegistryDeclarations {

    private final StampLocks stamps;
    private final CustomerRepository customers;
    private final RegistryRepository registries;
    private final HomeStampChangeRepository history;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FleetSnapshots snapshots;

    RegistryDeclarations(
            StampLocks stamps,
            CustomerRepository customers,
            RegistryRepository registries,
            HomeStampChangeRepository history,
            ApplicationEventPublisher events,
            Clock clock,
            FleetSnapshots snapshots) {
        this.stamps = stamps;
        this.customers = customers;
        this.registries = registries;
        this.history = history;
        this.events = events;
        this.clock = clock;
        this.snapshots = snapshots;
    }

    /** Adds a registry with one replica per region, each bound to its first home stamp (the caller's transaction). */
    void add(String name, String customer, Map<String, String> homeStampByRegion, Actor actor) {
        InventoryNames.requireRegistryName(name);
        if (customers.findByName(customer).isEmpty()) {
            throw new InvalidInputException("Unknown customer '" + customer + "'");
        }
        if (registries.findByName(name).isPresent()) {
            throw new InvalidInputException("Registry '" + name + "' already exists");
        }
        Registry registry = Registry.create(name, customer);
        Map<String, StampLocks.Locked> locked = stamps.lockAll(homeStampByRegion.values());
        homeStampByRegion.forEach((region, stampName) -> {
            StampLocks.Locked stamp = locked.get(stampName);
            if (stamp == null) {
                throw new InvalidInputException("Unknown home stamp '" + stampName + "' for " + name);
            }
            if (!stamp.region().equals(region)) {
                throw new InvalidInputException("Stamp " + stampName + " is not in region " + region);
            }
            StampLocks.admit(stamp, Placement.DECLARATION, name, region);
            placeReplica(registry, region, stampName, "registry created");
        });
        registries.save(registry);
        events.publishEvent(new FleetChanged(
                actor, "REGISTRY_ADDED", name, "customer " + customer + ", home stamps " + homeStampByRegion));
        snapshots.changed(InventoryChanges.REGISTRY, name);
    }

    /**
     * Declares many registries in the caller's transaction: all are stored or, when one is refused, none (the
     * message names its index). Everything that can be refused without writing is checked first; then the stamps that
     * receive a new replica are locked, in name order (see {@link StampLocks}), and only then is anything written. A
     * batch that places nothing (a collector re-sending the fleet) locks nothing.
     */
    List<RegistryInfo> declare(List<FleetService.NamedRegistryDeclaration> batch, Actor actor) {
        if (batch.size() > FleetService.MAX_REGISTRIES_PER_BATCH) {
            throw new InvalidInputException(
                    "At most " + FleetService.MAX_REGISTRIES_PER_BATCH + " registries per request; split the batch");
        }
        Map<String, Optional<String>> stampRegions = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            FleetService.NamedRegistryDeclaration each = batch.get(i);
            String where = batch.size() == 1 ? "" : "registries[" + i + "] (" + each.name() + "): ";
            if (!seen.add(each.name())) {
                throw new InvalidInputException(where + "listed twice in one request");
            }
            try {
                checked.add(check(where, each.name(), each.declaration(), stampRegions));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(where + e.getMessage());
            }
        }
        Map<String, StampLocks.Locked> placedOn = stamps.lockAll(
                checked.stream().flatMap(c -> c.placements().values().stream()).toList());
        Set<String> knownCustomers = new HashSet<>();
        List<RegistryInfo> declared = new ArrayList<>();
        boolean changed = false;
        for (Checked each : checked) {
            try {
                Declared result = write(each, placedOn, actor, knownCustomers);
                declared.add(result.info());
                changed |= result.changed();
            } catch (StampClosedToPlacement e) {
                throw e.prefixed(each.where());
            }
        }
        if (changed) {
            snapshots.changed(
                    InventoryChanges.REGISTRY, batch.size() == 1 ? batch.get(0).name() : batch.size() + " registries");
        }
        return declared;
    }

    private record Declared(RegistryInfo info, boolean changed) {}

    /** One declaration found valid, with the registry as stored (if it is) and its replicas' home stamps by region. */
    private record Checked(
            String where,
            String name,
            RegistryDeclaration declaration,
            Optional<Registry> existing,
            Map<String, String> homes) {

        /** The replicas this declaration adds (region → home stamp): only these are placements. */
        Map<String, String> placements() {
            Map<String, String> added = new LinkedHashMap<>();
            homes.forEach((region, stamp) -> {
                if (existing.flatMap(r -> r.replica(region)).isEmpty()) {
                    added.put(region, stamp);
                }
            });
            return added;
        }
    }

    private Checked check(
            String where, String name, RegistryDeclaration declaration, Map<String, Optional<String>> stampRegions) {
        InventoryNames.requireRegistryName(name);
        InventoryNames.requireName(declaration.customer(), "customer");
        Map<String, String> homes = new LinkedHashMap<>();
        for (RegistryDeclaration.ReplicaDeclaration replica : declaration.replicas()) {
            if (homes.putIfAbsent(replica.region(), replica.homeStamp()) != null) {
                throw new InvalidInputException(
                        "Region " + replica.region() + " is listed twice; a registry has one replica per region");
            }
            // a stamp never changes region: one look-up per stamp serves the whole batch
            String region = stampRegions
                    .computeIfAbsent(replica.homeStamp(), stamps::regionOf)
                    .orElseThrow(() -> new InvalidInputException(
                            "Unknown home stamp '" + replica.homeStamp() + "' for " + name + " in " + replica.region()
                                    + ": declare it first with PUT /api/v1/stamps/" + replica.homeStamp()));
            if (!region.equals(replica.region())) {
                throw new InvalidInputException(
                        "Stamp " + replica.homeStamp() + " is in region " + region + ", not " + replica.region());
            }
        }
        Optional<Registry> existing = registries.findByName(name);
        homes.forEach((region, homeStamp) -> existing.flatMap(r -> r.replica(region))
                .filter(replica -> !replica.homeStamp().equals(homeStamp))
                .ifPresent(replica -> {
                    throw new InvalidInputException("The replica of " + name + " in " + region + " is served by "
                            + replica.homeStamp() + "; declaring it on " + homeStamp + " would move it. A move is a "
                            + "cutover: create a plan (POST /api/v1/plans), have it approved and run it");
                }));
        return new Checked(where, name, declaration, existing, homes);
    }

    private Declared write(
            Checked checked, Map<String, StampLocks.Locked> placedOn, Actor actor, Set<String> knownCustomers) {
        String name = checked.name();
        RegistryDeclaration declaration = checked.declaration();
        if (!knownCustomers.contains(declaration.customer())) {
            if (customers.findByName(declaration.customer()).isEmpty()) {
                customers.save(new Customer(null, declaration.customer(), declaration.customer()));
                events.publishEvent(new FleetChanged(
                        actor, "CUSTOMER_ADDED", declaration.customer(), "first named by registry " + name));
            }
            knownCustomers.add(declaration.customer());
        }
        Optional<Registry> existing = checked.existing();
        Registry registry = existing.orElseGet(() -> Registry.create(name, declaration.customer()));
        List<String> changes = new ArrayList<>();
        if (existing.isPresent() && !registry.customer().equals(declaration.customer())) {
            changes.add("customer " + registry.customer() + " -> " + declaration.customer());
            registry.reassignTo(declaration.customer());
        }
        checked.placements().forEach((region, homeStamp) -> {
            StampLocks.admit(Objects.requireNonNull(placedOn.get(homeStamp)), Placement.DECLARATION, name, region);
            placeReplica(registry, region, homeStamp, "registry declared");
            changes.add(region + " on " + homeStamp);
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
    void placeReplica(Registry registry, String region, String homeStamp, String reason) {
        registry.addReplica(region, homeStamp);
        history.save(new HomeStampChange(null, registry.name(), region, null, homeStamp, clock.instant(), reason));
        events.publishEvent(new HomeStampChanged(registry.name(), region, null, homeStamp));
    }
}
