package dev.stampboard.fleet;

import dev.stampboard.base.TransitionRefused;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;

/** Aggregate root of a tenant registry and its regional replicas. */
class Registry {

    @Id
    private @Nullable Long id;

    private final String name;
    private String customer;

    @Version
    private int version;

    @MappedCollection(idColumn = "registry_id")
    private final Set<Replica> replicas;

    @PersistenceCreator
    Registry(@Nullable Long id, String name, String customer, int version, Set<Replica> replicas) {
        this.id = id;
        this.name = name;
        this.customer = customer;
        this.version = version;
        this.replicas = new LinkedHashSet<>(replicas);
    }

    static Registry create(String name, String customer) {
        return new Registry(null, name, customer, 0, Set.of());
    }

    String name() {
        return name;
    }

    String customer() {
        return customer;
    }

    /** The registry now belongs to another customer (the inventory says so); its replicas stay where they are. */
    void reassignTo(String newCustomer) {
        this.customer = newCustomer;
    }

    Optional<Replica> replica(String region) {
        return replicas.stream().filter(r -> r.region().equals(region)).findFirst();
    }

    void addReplica(String region, String homeStamp) {
        if (replica(region).isPresent()) {
            throw new TransitionRefused(name + " already has a replica in " + region);
        }
        replicas.add(new Replica(region, homeStamp));
    }

    /** A cutover: the replica in {@code region} is served by {@code stamp} from now on. Returns the previous home. */
    String rehome(String region, String stamp) {
        Replica current =
                replica(region).orElseThrow(() -> new TransitionRefused(name + " has no replica in " + region));
        if (current.homeStamp().equals(stamp)) {
            throw new TransitionRefused(name + " in " + region + " is already served by " + stamp);
        }
        replicas.remove(current);
        replicas.add(new Replica(region, stamp));
        return current.homeStamp();
    }

    RegistryInfo toInfo() {
        return new RegistryInfo(
                name,
                customer,
                replicas.stream()
                        .map(r -> new ReplicaInfo(r.region(), r.homeStamp()))
                        .sorted((a, b) -> a.region().compareTo(b.region()))
                        .toList());
    }
}
