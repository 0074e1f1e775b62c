package dev.stampboard.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One read of the whole inventory into a {@link FleetSnapshots.FleetSnapshot}, sorted as the console shows it. */
final class FleetSnapshotLoader {

    private final RegionRepository regions;
    private final CustomerRepository customers;
    private final RegistryRepository registries;
    private final JdbcClient jdbc;

    FleetSnapshotLoader(
            RegionRepository regions, CustomerRepository customers, RegistryRepository registries, JdbcClient jdbc) {
        this.regions = regions;
        this.customers = customers;
        this.registries = registries;
        this.jdbc = jdbc;
    }

    FleetSnapshots.FleetSnapshot load() {
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
        return new FleetSnapshots.FleetSnapshot(
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
