package dev.stampboard.isolation;

import static dev.stampboard.isolation.IsolationSteps.checked;
import static dev.stampboard.isolation.IsolationSteps.field;
import static dev.stampboard.isolation.IsolationSteps.registries;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.ReplicaInfo;
import dev.stampboard.planning.IsolationMigrationPlans;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanId;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.planning.StampSizing;
import dev.stampboard.planning.engine.Sizing;
import dev.stampboard.planning.engine.SizingSettings;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake of isolation requests: the filing form's choices (customers, registries, common regions), a
 * request prefilled from a plan's advice, the DESIGN §6 sizing of the stated figures, and filing itself,
 * with every field checked at the edge. Every entry point checks the caller's role, and a customer may
 * only file for itself.
 */
@Service
public class IsolationIntake {

    private final IsolationSteps steps;
    private final FleetService fleet;
    private final IsolationMigrationPlans migrationPlans;
    private final PlanningService planning;
    private final StampSizing stampSizing;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final Clock clock;

    IsolationIntake(
            IsolationSteps steps,
            FleetService fleet,
            IsolationMigrationPlans migrationPlans,
            PlanningService planning,
            StampSizing stampSizing,
            ApplicationEventPublisher events,
            CurrentUser currentUser,
            Clock clock) {
        this.steps = steps;
        this.fleet = fleet;
        this.migrationPlans = migrationPlans;
        this.planning = planning;
        this.stampSizing = stampSizing;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The figures per node, utilisation and headroom a dedicated stamp is sized with ({@code stampboard.isolation.*}). */
    public SizingSettings sizingSettings() {
        return stampSizing.settings();
    }

    /** DESIGN §6 sizing of a request's figures, with the arithmetic. */
    public DedicatedSizing size(long peakQps, double peakThroughputGbps, double dataVolumeTb) {
        Sizing s = stampSizing.size(peakQps, peakThroughputGbps, dataVolumeTb);
        return new DedicatedSizing(s.registryNodes(), s.dataproxyNodes(), s.storageAccounts(), s.arithmetic());
    }

    /** The customers the caller may file for: a customer only its own, support and admin any. */
    @Secured({Role.Authority.SUPPORT, Role.Authority.ADMIN, Role.Authority.CUSTOMER})
    public List<String> customersForFiling() {
        Optional<String> own = currentUser.restrictedToCustomer();
        return own.map(List::of)
                .orElseGet(() -> fleet.customers().stream().map(c -> c.name()).toList());
    }

    /** The customer's registries, for the form's picker (a customer: only its own). */
    @Secured({Role.Authority.SUPPORT, Role.Authority.ADMIN, Role.Authority.CUSTOMER})
    public List<String> registriesOf(String customer) {
        requireMayActFor(customer);
        return fleet.registriesOf(customer).stream().map(RegistryInfo::name).toList();
    }

    /** The regions every one of the registries is replicated to (a dedicated stamp serves one region). */
    public List<String> commonRegions(List<String> registries) {
        Set<String> common = null;
        for (String name : registries) {
            Set<String> regions = new LinkedHashSet<>(fleet.registry(name)
                    .map(r -> r.replicas().stream().map(ReplicaInfo::region).toList())
                    .orElse(List.of()));
            if (common == null) {
                common = regions;
            } else {
                common.retainAll(regions);
            }
        }
        return common == null ? List.of() : common.stream().sorted().toList();
    }

    /** A new request prefilled from a plan's isolation recommendation for these registries (the one-click path). */
    @Secured({Role.Authority.SUPPORT, Role.Authority.ADMIN})
    public NewIsolationRequest prefillFromPlan(PlanId planId, List<String> registries) {
        PlanDetails plan = planning.get(planId);
        String customer = registries.stream()
                .map(fleet::registry)
                .flatMap(Optional::stream)
                .map(RegistryInfo::customer)
                .findFirst()
                .orElse(null);
        return PlanPrefill.of(plan, registries, customer);
    }

    @Secured({Role.Authority.SUPPORT, Role.Authority.ADMIN, Role.Authority.CUSTOMER})
    @Transactional
    public IsolationRequestDetails file(NewIsolationRequest in) {
        Actor actor = currentUser.actor();
        String customer = customerFor(in.customer());
        requireMayActFor(customer);
        field("registries", IsolationRules.registries(in.registries()));
        List<String> registries =
                checked(in.registries()).stream().map(String::strip).toList();
        for (String registry : registries) {
            RegistryInfo info = fleet.registry(registry)
                    .orElseThrow(() -> new InvalidInputException("registries: no registry named '" + registry + "'"));
            if (!info.customer().equals(customer)) {
                throw new InvalidInputException("registries: " + registry + " does not belong to customer " + customer
                        + "; a request covers only the customer's own registries");
            }
        }
        String region = regionFor(registries, in.region());
        field("registries", alreadyIsolated(customer, region, registries));
        field("expectedPeakQps", IsolationRules.expectedPeakQps(in.expectedPeakQps()));
        field("peakThroughputGbps", IsolationRules.peakThroughputGbps(in.peakThroughputGbps()));
        field("dataVolumeTb", IsolationRules.dataVolumeTb(in.dataVolumeTb()));
        field("justification", IsolationRules.justification(in.justification()));
        field("wantedBy", IsolationRules.wantedBy(in.wantedBy(), today()));
        long qps = checked(in.expectedPeakQps());
        double gbps = checked(in.peakThroughputGbps());
        double tb = checked(in.dataVolumeTb());
        Sizing sizing = stampSizing.size(qps, gbps, tb);
        IsolationRequest request = IsolationRequest.submit(
                UUID.randomUUID().toString(),
                customer,
                region,
                registries,
                qps,
                gbps,
                tb,
                checked(in.justification()),
                checked(in.wantedBy()),
                actor,
                clock.instant(),
                sizing);
        steps.recordFiled(
                request, actor, "filed for " + customer + " (" + registries(registries.size()) + " in " + region + ")");
        events.publishEvent(new IsolationRequested(
                request.getId(),
                actor,
                String.format(
                        Locale.ROOT,
                        "customer %s, region %s, registries %s; %d QPS, %.1f Gbps, %.1f TB; sized %d registry / %d dataproxy nodes, %d storage accounts",
                        customer,
                        region,
                        registries,
                        in.expectedPeakQps(),
                        in.peakThroughputGbps(),
                        in.dataVolumeTb(),
                        sizing.registryNodes(),
                        sizing.dataproxyNodes(),
                        sizing.storageAccounts())));
        return request.toView();
    }

    /**
     * Registries already served by their customer's dedicated stamp in the region have nothing to isolate:
     * said up front, so no request goes on to a plan that proposes nothing.
     */
    public @Nullable String alreadyIsolated(String customer, String region, List<String> registries) {
        String stamp = IsolationMigrationPlans.dedicatedStampFor(customer, region);
        List<String> there = migrationPlans.alreadyOn(region, registries, stamp);
        if (there.isEmpty()) {
            return null;
        }
        return String.join(", ", there) + (there.size() == 1 ? " is" : " are") + " already isolated on " + stamp
                + " (" + (there.size() == 1 ? "its" : "their") + " home stamp in " + region + ")"
                + (there.size() < registries.size()
                        ? "; leave " + (there.size() == 1 ? "it" : "them") + " out of the request"
                        : "; there is nothing to isolate");
    }

    private String customerFor(@Nullable String given) {
        Optional<String> own = currentUser.restrictedToCustomer();
        if (given == null || given.isBlank()) {
            return own.orElseThrow(() ->
                    new InvalidInputException("customer: name the customer the request is for (e.g. \"openmind-ai\")"));
        }
        if (fleet.customer(given.strip()).isEmpty()) {
            throw new InvalidInputException("customer: no customer named '" + given.strip() + "'");
        }
        return given.strip();
    }

    void requireMayActFor(String customer) {
        Optional<String> own = currentUser.restrictedToCustomer();
        if (own.isPresent() && !own.get().equals(customer)) {
            throw new AccessDeniedException("You may only file and follow requests for your own customer");
        }
    }

    private String regionFor(List<String> registries, @Nullable String given) {
        List<String> common = commonRegions(registries);
        if (common.isEmpty()) {
            throw new InvalidInputException("registries: they have no region in common; a dedicated stamp serves one"
                    + " region, so file one request per region");
        }
        if (given != null && !given.isBlank()) {
            if (!common.contains(given.strip())) {
                throw new InvalidInputException("region: every registry must be replicated to " + given.strip()
                        + "; their common regions are " + common);
            }
            return given.strip();
        }
        if (common.size() > 1) {
            throw new InvalidInputException("region: the registries are replicated to " + common
                    + "; name the region the dedicated stamp is for");
        }
        return common.get(0);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
