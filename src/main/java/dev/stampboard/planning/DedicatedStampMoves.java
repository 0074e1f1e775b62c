package dev.stampboard.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.stampboard.fleet.DedicatedStampSpec;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.RegistryInfo;

/**
 * A plan's isolation recommendations as executable moves: each customer's isolated registries go,
 * one at a time in a last phase, to one dedicated stamp of the region — an existing one of that
 * customer, or one the cutover engine provisions (sized as the sum of the recommendations) when the
 * phase starts. So the plan's prediction, which counts the isolations as relief, is what executing
 * the plan does.
 */
final class DedicatedStampMoves {

    private DedicatedStampMoves() {
    }

    static List<PlanMove> of(String region, List<PlanIsolation> isolations, List<PlanMove> moves, int observationHours,
                             FleetService fleet) {
        int phase = moves.stream().mapToInt(PlanMove::phase).max().orElse(0) + 1;
        List<PlanMove> out = new ArrayList<>();
        int batch = 1;
        for (PlanIsolation isolation : isolations) {
            String customer = fleet.registry(isolation.registry()).map(RegistryInfo::customer).orElse("unknown");
            String stamp = stampFor(customer, region);
            boolean exists = fleet.stamp(stamp).isPresent();
            Sizing total = total(customer, isolations, fleet);
            String why = exists
                    ? "The customer's dedicated stamp " + stamp + " already exists"
                    : String.format(Locale.ROOT, "Dedicated stamp %s for %s, provisioned when this phase starts: "
                            + "%d registry nodes, %d dataproxy nodes, %d storage accounts (the sum of the sizings)",
                            stamp, customer, total.registryNodes, total.dataproxyNodes, total.storageAccounts);
            out.add(new PlanMove(isolation.registry(), region, isolation.fromStamp(), stamp, phase, batch++,
                    observationHours, "PLANNED", "Isolation: " + isolation.reason(), why, ""));
        }
        return out;
    }

    /** One dedicated stamp per customer and region, named so that a later plan finds it again. */
    static String stampFor(String customer, String region) {
        String name = "ded-" + customer + "-" + region;
        return name.length() <= 63 ? name : name.substring(0, 63).replaceAll("-+$", "");
    }

    /** What to provision for a dedicated destination of this plan, if {@code stamp} is one. */
    static Optional<DedicatedStampSpec> spec(PlanView plan, String stamp, String requestedBy, FleetService fleet) {
        Map<String, List<PlanIsolation>> byCustomer = new LinkedHashMap<>();
        for (PlanIsolation isolation : plan.isolations()) {
            String customer = fleet.registry(isolation.registry()).map(RegistryInfo::customer).orElse("unknown");
            byCustomer.computeIfAbsent(customer, c -> new ArrayList<>()).add(isolation);
        }
        return byCustomer.entrySet().stream()
                .filter(e -> stampFor(e.getKey(), plan.region()).equals(stamp))
                .findFirst()
                .map(e -> {
                    Sizing total = Sizing.sum(e.getValue());
                    return new DedicatedStampSpec(stamp, plan.region(), e.getKey(), total.registryNodes,
                            total.dataproxyNodes, total.storageAccounts, requestedBy);
                });
    }

    private static Sizing total(String customer, List<PlanIsolation> isolations, FleetService fleet) {
        return Sizing.sum(isolations.stream()
                .filter(i -> fleet.registry(i.registry()).map(RegistryInfo::customer).orElse("unknown").equals(customer))
                .toList());
    }

    private record Sizing(int registryNodes, int dataproxyNodes, int storageAccounts) {
        static Sizing sum(List<PlanIsolation> isolations) {
            return new Sizing(isolations.stream().mapToInt(PlanIsolation::registryNodes).sum(),
                    isolations.stream().mapToInt(PlanIsolation::dataproxyNodes).sum(),
                    Math.max(1, isolations.stream().mapToInt(PlanIsolation::storageAccounts).sum()));
        }
    }

}
