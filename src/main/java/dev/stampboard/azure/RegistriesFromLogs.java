package dev.stampboard.azure;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.RegistryDeclaration;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.StampClosedToPlacement;
import dev.stampboard.signals.ingestion.RegistryTrafficInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registries the logs show and the inventory lacks, declared on the stamp that served them most (opt-in). */
final class RegistriesFromLogs {

    private final FleetService fleet;
    private final Actor actor;

    RegistriesFromLogs(FleetService fleet, Actor actor) {
        this.fleet = fleet;
        this.actor = actor;
    }

    /**
     * Declares each registry, or a registry's replica in a region, that the rows show and the inventory lacks, on the
     * stamp that served most of its requests in the span. A customer column names its customer; without one, the
     * registry is its own customer. A declaration the inventory refuses is a failure of that registry only.
     */
    List<String> declareUnknown(LogAnalyticsTrafficAnswer.Span span, List<String> failures) {
        Map<String, Map<String, Map<String, BigDecimal>>> requestsByStamp =
                new LinkedHashMap<>(); // registry -> region -> stamp
        Map<String, String> customers = new LinkedHashMap<>();
        for (RegistryTrafficInput row : span.rows()) {
            if (row.registry() == null || row.region() == null || row.stamp() == null) {
                continue;
            }
            Optional<RegistryInfo> known = fleet.registry(row.registry());
            if (known.isPresent() && known.get().homeStamp(row.region()).isPresent()) {
                continue;
            }
            // looked up before the first declaration: each one drops the inventory's snapshot
            customers.putIfAbsent(
                    row.registry(),
                    known.map(RegistryInfo::customer)
                            .orElse(span.customers().getOrDefault(row.registry(), row.registry())));
            requestsByStamp
                    .computeIfAbsent(row.registry(), r -> new LinkedHashMap<>())
                    .computeIfAbsent(row.region(), r -> new LinkedHashMap<>())
                    .merge(row.stamp(), row.requests() == null ? BigDecimal.ZERO : row.requests(), BigDecimal::add);
        }
        List<String> declared = new ArrayList<>();
        requestsByStamp.forEach((registry, byRegion) -> {
            List<RegistryDeclaration.ReplicaDeclaration> replicas = new ArrayList<>();
            byRegion.forEach((region, byStamp) -> replicas.add(new RegistryDeclaration.ReplicaDeclaration(
                    region,
                    byStamp.entrySet().stream()
                            .max(Map.Entry.comparingByValue())
                            .orElseThrow()
                            .getKey())));
            String customer = customers.getOrDefault(registry, registry);
            try {
                fleet.declareRegistry(registry, new RegistryDeclaration(customer, replicas), actor);
                declared.add(registry + " " + replicas);
            } catch (InvalidInputException | StampClosedToPlacement e) {
                // a stamp that is not ACTIVE takes no new replica (fleet.Placement): the rows name one that is closing
                failures.add("Registry " + registry + " seen in the logs could not be declared: " + e.getMessage());
            }
        });
        return declared;
    }
}
