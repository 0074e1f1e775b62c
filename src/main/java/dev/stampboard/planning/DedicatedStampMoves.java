package dev.stampboard.planning;

import static dev.stampboard.base.Maps.known;

import dev.stampboard.base.Actor;
import dev.stampboard.fleet.DedicatedStampSpec;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.planning.engine.Candidate;
import dev.stampboard.planning.engine.PlanningSettings;
import dev.stampboard.planning.engine.Sizing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A plan's isolation recommendations as executable moves: each isolated customer gets one dedicated
 * stamp in the region — an existing one of that customer, or one the cutover engine provisions (sized
 * as the sum of the recommendations) before its first move. So the plan's prediction, which counts
 * the isolations as relief, is what executing the plan does.
 */
final class DedicatedStampMoves {

    private DedicatedStampMoves() {}

    /**
     * The isolated registries, one at a time in phase 3, and — because the stamp is the customer's — its
     * low- and medium-traffic registries on the same source stamps, phased by the playbook (low ones
     * together in phase 1, medium ones in sub-batches in phase 2). Batches continue after the plan's
     * moves to shared stamps in the same phase.
     */
    static List<PlanMove> of(
            String region,
            List<PlanIsolation> isolations,
            List<PlanMove> moves,
            List<Candidate> candidates,
            PlanningSettings settings,
            FleetService fleet,
            Function<Set<String>, Sizing> sizer) {
        List<PlanMove> out = new ArrayList<>();
        if (isolations.isEmpty()) {
            return out;
        }
        Map<String, String> customerOf = new HashMap<>();
        isolations.forEach(i -> customerOf.put(i.registry(), customer(i.registry(), fleet)));
        Set<String> isolatedCustomers = new HashSet<>(customerOf.values());
        Set<String> planned = new HashSet<>(customerOf.keySet());
        moves.forEach(m -> planned.add(m.registry()));
        int[] nextBatch = new int[4];
        moves.forEach(m -> nextBatch[m.phase()] = Math.max(nextBatch[m.phase()], m.batch()));
        int lowBatch = Math.max(1, nextBatch[1]);
        int mediumIndex = 0;
        List<Candidate> followers = candidates.stream()
                .filter(c -> !planned.contains(c.registry()) && c.contribution() < settings.highShareMin())
                .filter(c -> isolatedCustomers.contains(customer(c.registry(), fleet)))
                .sorted(Comparator.comparingDouble(Candidate::contribution))
                .toList();
        List<Candidate> moving = new ArrayList<>();
        for (Candidate c : followers) {
            if (planned.add(c.registry())) {
                moving.add(c);
            }
        }
        Map<String, Set<String>> onto = new HashMap<>();
        moving.forEach(c -> onto.computeIfAbsent(stampFor(customer(c.registry(), fleet), region), k -> new HashSet<>())
                .add(c.registry()));
        customerOf.forEach(
                (registry, customer) -> onto.computeIfAbsent(stampFor(customer, region), k -> new HashSet<>())
                        .add(registry));
        Map<String, String> whyDestination = new HashMap<>();
        onto.forEach((stamp, registries) -> whyDestination.put(stamp, destinationWhy(stamp, registries, fleet, sizer)));
        for (Candidate c : moving) {
            String customer = customer(c.registry(), fleet);
            String stamp = stampFor(customer, region);
            String why = String.format(
                    Locale.ROOT,
                    "Follows %s onto its dedicated stamp: %.2f %% of %s %s in peak minutes",
                    customer,
                    c.contribution() * 100,
                    c.stamp(),
                    c.pool());
            boolean low = c.contribution() < settings.lowShareMax();
            out.add(new PlanMove(
                    c.registry(),
                    region,
                    c.stamp(),
                    stamp,
                    low ? 1 : 2,
                    low ? lowBatch : nextBatch[2] + 1 + mediumIndex++ / settings.mediumBatchSize(),
                    settings.mediumObservationHours(),
                    why,
                    known(whyDestination, stamp),
                    ""));
        }
        int highBatch = nextBatch[3];
        for (PlanIsolation isolation : isolations) {
            String stamp = stampFor(known(customerOf, isolation.registry()), region);
            out.add(new PlanMove(
                    isolation.registry(),
                    region,
                    isolation.fromStamp(),
                    stamp,
                    3,
                    ++highBatch,
                    settings.highObservationHours(),
                    "Isolation: " + isolation.reason(),
                    known(whyDestination, stamp),
                    ""));
        }
        return out;
    }

    private static String destinationWhy(
            String stamp, Set<String> registries, FleetService fleet, Function<Set<String>, Sizing> sizer) {
        if (fleet.stamp(stamp).isPresent()) {
            return "The customer's dedicated stamp " + stamp + " already exists";
        }
        Sizing size = sizer.apply(registries);
        return String.format(
                Locale.ROOT,
                "Dedicated stamp %s, provisioned before its first move and sized for the "
                        + "%d registries moving onto it: %d registry nodes, %d dataproxy nodes, %d storage accounts (%s)",
                stamp,
                registries.size(),
                size.registryNodes(),
                size.dataproxyNodes(),
                size.storageAccounts(),
                size.arithmetic());
    }

    private static String customer(String registry, FleetService fleet) {
        return fleet.registry(registry).map(RegistryInfo::customer).orElse("unknown");
    }

    /** The distinct dedicated stamps these isolations go to: one per isolated customer of the region. */
    static List<String> stampsOf(String region, List<PlanIsolation> isolations, FleetService fleet) {
        return isolations.stream()
                .map(i -> stampFor(customer(i.registry(), fleet), region))
                .distinct()
                .sorted()
                .toList();
    }

    /** One dedicated stamp per customer and region, named so that a later plan finds it again. */
    static String stampFor(String customer, String region) {
        String name = "ded-" + customer + "-" + region;
        return name.length() <= 63 ? name : name.substring(0, 63).replaceAll("-+$", "");
    }

    /**
     * What to provision for a dedicated destination of this plan, if {@code stamp} is one: sized for the
     * peak traffic of every registry the plan moves onto it, with the storage the isolations need.
     */
    static Optional<DedicatedStampSpec> spec(
            PlanDetails plan,
            String stamp,
            Actor requestedBy,
            FleetService fleet,
            Function<Set<String>, Sizing> sizer) {
        List<PlanIsolation> isolated = plan.isolations().stream()
                .filter(i ->
                        stampFor(customer(i.registry(), fleet), plan.region()).equals(stamp))
                .toList();
        if (isolated.isEmpty()) {
            return Optional.empty();
        }
        Set<String> registries = new HashSet<>();
        plan.moves().stream().filter(m -> m.toStamp().equals(stamp)).forEach(m -> registries.add(m.registry()));
        Sizing size = sizer.apply(registries);
        int storage = Math.max(
                size.storageAccounts(),
                isolated.stream().mapToInt(PlanIsolation::storageAccounts).sum());
        return Optional.of(new DedicatedStampSpec(
                stamp,
                plan.region(),
                customer(isolated.get(0).registry(), fleet),
                size.registryNodes(),
                size.dataproxyNodes(),
                storage,
                requestedBy.name()));
    }
}
