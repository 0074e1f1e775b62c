package dev.stampboard.isolation;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.base.SingleInstanceJobs;
import dev.stampboard.fleet.DedicatedStampSpec;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.ReplicaInfo;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampProvisioner;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.planning.IsolationMigrationPlans;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanFinished;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanningService;
import dev.stampboard.planning.engine.SizingCalculator;
import dev.stampboard.planning.engine.SizingSettings;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.StampSignals;
import dev.stampboard.signals.engine.TrafficShare;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The isolation-request workflow. Every entry point checks the caller's role (the browser and the
 * API obey the same rules) and writes the state history and the audit log in the same transaction.
 * After approval the request advances on its own — provisioned, ready, migrating, done — checked every
 * few seconds and whenever someone looks at it.
 */
@Service
@EnableConfigurationProperties(IsolationProperties.class)
public class IsolationService {

    private static final Logger log = LoggerFactory.getLogger(IsolationService.class);

    private final IsolationRequestRepository requests;
    private final IsolationHistory history;
    private final FleetService fleet;
    private final SignalsService signals;
    private final IsolationMigrationPlans migrationPlans;
    private final PlanningService planning;
    private final ObjectProvider<StampProvisioner> provisioner;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final IsolationProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ObjectProvider<SingleInstanceJobs> jobs;

    IsolationService(
            IsolationRequestRepository requests,
            IsolationHistory history,
            FleetService fleet,
            SignalsService signals,
            IsolationMigrationPlans migrationPlans,
            PlanningService planning,
            ObjectProvider<StampProvisioner> provisioner,
            ApplicationEventPublisher events,
            CurrentUser currentUser,
            IsolationProperties properties,
            Clock clock,
            PlatformTransactionManager transactions,
            ObjectProvider<SingleInstanceJobs> jobs) {
        this.requests = requests;
        this.history = history;
        this.fleet = fleet;
        this.signals = signals;
        this.migrationPlans = migrationPlans;
        this.planning = planning;
        this.provisioner = provisioner;
        this.events = events;
        this.currentUser = currentUser;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.jobs = jobs;
        // each automatic step commits on its own, also when called after another transaction's commit
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ---- sizing ------------------------------------------------------------------------------

    /** The figures per node, utilisation and headroom a dedicated stamp is sized with. */
    public SizingSettings sizingSettings() {
        return properties.sizing();
    }

    /** DESIGN §6 sizing of a request's figures, with the arithmetic. */
    public DedicatedSizing size(long peakQps, double peakThroughputGbps, double dataVolumeTb) {
        var s = SizingCalculator.size(peakQps, peakThroughputGbps, dataVolumeTb, properties.sizing());
        return new DedicatedSizing(s.registryNodes(), s.dataproxyNodes(), s.storageAccounts(), s.arithmetic());
    }

    // ---- intake ------------------------------------------------------------------------------

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
    public NewIsolationRequest prefillFromPlan(String planId, List<String> registries) {
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
        List<String> registries = in.registries().stream().map(String::strip).toList();
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
        var sizing = SizingCalculator.size(
                in.expectedPeakQps(), in.peakThroughputGbps(), in.dataVolumeTb(), properties.sizing());
        IsolationRequest request = IsolationRequest.submit(
                UUID.randomUUID().toString(),
                customer,
                region,
                registries,
                in.expectedPeakQps(),
                in.peakThroughputGbps(),
                in.dataVolumeTb(),
                in.justification(),
                in.wantedBy(),
                actor.name(),
                clock.instant(),
                sizing);
        requests.save(request);
        history.append(
                request.getId(),
                clock.instant(),
                actor.name(),
                null,
                IsolationState.SUBMITTED,
                "filed for " + customer + " (" + registries(registries.size()) + " in " + region + ")");
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

    private static String registries(int n) {
        return n + (n == 1 ? " registry" : " registries");
    }

    private static void field(String name, @Nullable String problem) {
        if (problem != null) {
            throw new InvalidInputException(name + ": " + problem);
        }
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

    private void requireMayActFor(String customer) {
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

    // ---- reads -------------------------------------------------------------------------------

    /** Newest first; a customer sees only its own requests. */
    @Secured({Role.Authority.VIEWER, Role.Authority.CUSTOMER})
    @Transactional(readOnly = true)
    public List<IsolationRequestDetails> list(@Nullable IsolationState state) {
        Optional<String> own = currentUser.restrictedToCustomer();
        return requests.findAllByOrderByRequestedAtDesc().stream()
                .filter(r -> own.isEmpty() || own.get().equals(r.customer()))
                .filter(r -> state == null || r.state() == state)
                .map(IsolationRequest::toView)
                .toList();
    }

    @Secured({Role.Authority.VIEWER, Role.Authority.CUSTOMER})
    @Transactional(readOnly = true)
    public IsolationRequestDetails get(String id) {
        return load(id).toView();
    }

    @Secured({Role.Authority.VIEWER, Role.Authority.CUSTOMER})
    @Transactional(readOnly = true)
    public List<IsolationStateChange> history(String id) {
        load(id);
        return history.of(id);
    }

    /** The reviewer's context: the customer's stamps in the region with their signals, shares, and the planner's advice. */
    @Secured(Role.Authority.VIEWER)
    public IsolationContext context(String id) {
        IsolationRequestDetails r = get(id);
        Set<String> stamps = new LinkedHashSet<>();
        fleet.registriesOf(r.customer())
                .forEach(reg -> reg.homeStamp(r.region()).ifPresent(stamps::add));
        List<StampSignals> stampSignals = stamps.stream()
                .filter(s -> fleet.stamp(s).isPresent())
                .map(signals::stampSignals)
                .toList();
        List<IsolationContext.RegistryShare> shares = new ArrayList<>();
        for (String registry : r.registries()) {
            fleet.registry(registry)
                    .flatMap(reg -> reg.homeStamp(r.region()))
                    .ifPresent(home -> shares.add(new IsolationContext.RegistryShare(
                            registry,
                            home,
                            share(home, PoolKind.REGISTRY, registry, r.region()),
                            share(home, PoolKind.DATAPROXY, registry, r.region()))));
        }
        return new IsolationContext(stampSignals, shares, migrationPlans.advise(r.region(), r.registries()));
    }

    private double share(String stamp, PoolKind pool, String registry, String region) {
        return signals.trafficShare(stamp, pool).stream()
                .filter(s -> s.registry().equals(registry) && s.region().equals(region))
                .mapToDouble(TrafficShare::share)
                .findFirst()
                .orElse(0);
    }

    /** Whether the signed-in user may decide on this request (support or admin, and not its requester). */
    public boolean mayDecide(IsolationRequestDetails request) {
        return (currentUser.has(Role.SUPPORT) || currentUser.has(Role.ADMIN))
                && !currentUser.name().equals(request.requestedBy())
                && !answeredOnBehalf(request.id()).contains(currentUser.name());
    }

    // ---- review ------------------------------------------------------------------------------

    @Secured({Role.Authority.SUPPORT, Role.Authority.ADMIN})
    @Transactional
    public IsolationRequestDetails startReview(String id) {
        return transition(id, null, (r, actor) -> r.startReview(actor));
    }

    @Secured({Role.Authority.SUPPORT, Role.Authority.ADMIN})
    @Transactional
    public IsolationRequestDetails askForInformation(String id, @Nullable String question) {
        field("question", IsolationRules.text(question, "A question for the requester"));
        return transition(id, question, (r, actor) -> r.askForInformation(actor, question));
    }

    /** The requester (the customer, or support relaying the customer's answer) answers the open question. */
    @Secured({Role.Authority.SUPPORT, Role.Authority.ADMIN, Role.Authority.CUSTOMER})
    @Transactional
    public IsolationRequestDetails answer(String id, @Nullable String answer) {
        field("answer", IsolationRules.text(answer, "The answer"));
        return transition(id, answer, (r, actor) -> r.answer(answer));
    }

    @Secured({Role.Authority.SUPPORT, Role.Authority.ADMIN})
    @Transactional
    public IsolationRequestDetails reject(String id, @Nullable String reason) {
        field("reason", IsolationRules.text(reason, "A reason the requester can act on"));
        return transition(id, reason, (r, actor) -> r.reject(actor, reason));
    }

    /** Approves, then provisions the dedicated stamp right away (retried by the progress check if it fails). */
    @Secured({Role.Authority.SUPPORT, Role.Authority.ADMIN})
    public IsolationRequestDetails approve(String id) {
        tx.executeWithoutResult(s -> transition(id, null, (r, actor) -> {
            String isolated = alreadyIsolated(r.customer(), r.region(), r.registries());
            if (isolated != null
                    && migrationPlans
                                    .alreadyOn(r.region(), r.registries(), dedicatedStampName(r))
                                    .size()
                            == r.registries().size()) {
                throw new IllegalStateException("Cannot approve: " + isolated + ". Reject the request instead.");
            }
            r.approve(actor, dedicatedStampName(r), answeredOnBehalf(id));
        }));
        progress(id);
        return get(id);
    }

    /** Staff who relayed an answer for the customer (the customer itself may never decide anyway). */
    private Set<String> answeredOnBehalf(String id) {
        return history.of(id).stream()
                .filter(c -> c.from() == IsolationState.NEEDS_INFO && c.to() == IsolationState.IN_REVIEW)
                .map(IsolationStateChange::actor)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** One dedicated stamp per customer and region (the name the planner's isolations use too), so a second request reuses it. */
    static String dedicatedStampName(IsolationRequest r) {
        return IsolationMigrationPlans.dedicatedStampFor(r.customer(), r.region());
    }

    private IsolationRequestDetails transition(
            String id, @Nullable String note, BiConsumer<IsolationRequest, String> step) {
        IsolationRequest request = load(id);
        Actor actor = currentUser.actor();
        IsolationState from = request.state();
        step.accept(request, actor.name());
        requests.save(request);
        history.append(id, clock.instant(), actor.name(), from, request.state(), note);
        events.publishEvent(new IsolationStateChanged(id, actor, from, request.state(), note));
        return request.toView();
    }

    private IsolationRequest load(String id) {
        IsolationRequest request = requests.findById(id)
                .orElseThrow(() -> new NotFoundException("No isolation request with id '" + id + "'"));
        Optional<String> own = currentUser.restrictedToCustomer();
        if (own.isPresent() && !own.get().equals(request.customer())) {
            // a customer cannot tell another customer's request from a missing one
            throw new NotFoundException("No isolation request with id '" + id + "'");
        }
        return request;
    }

    // ---- after approval: provisioning, readiness, migration, completion ---------------------

    /** Advances every approved request whose next step is due (wall-clock schedule). */
    @Scheduled(fixedDelayString = "${stampboard.isolation.check-millis:5000}")
    public void progressAll() {
        SingleInstanceJobs single = jobs.getIfAvailable();
        if (single != null && !single.holdsLease("isolation-progress")) {
            return; // another console instance advances the requests
        }
        for (IsolationRequest r : requests.findByStateIn(List.of(
                IsolationState.APPROVED,
                IsolationState.PROVISIONING,
                IsolationState.READY,
                IsolationState.MIGRATING))) {
            try {
                progress(r.getId());
            } catch (RuntimeException e) {
                log.warn("Isolation request {}: next step failed; retried on the next check", r.getId(), e);
            }
        }
    }

    /**
     * The migration plan finished: COMPLETED takes its request to DONE; a rollback is recorded and the
     * request waits. Delivered through Modulith's publication registry after the plan's transaction
     * commits, and delivered again after a restart if the console stopped before this ran.
     */
    @ApplicationModuleListener
    public void onPlanFinished(PlanFinished event) {
        for (IsolationRequest r : requests.findByPlanId(event.planId())) {
            try {
                if (event.status() == PlanStatus.COMPLETED) {
                    progress(r.getId());
                } else {
                    tx.executeWithoutResult(s -> events.publishEvent(
                            new IsolationMigrationEnded(r.getId(), event.planId(), event.status())));
                }
            } catch (RuntimeException e) {
                log.warn(
                        "Isolation request {}: could not follow plan {} finishing {}",
                        r.getId(),
                        event.planId(),
                        event.status(),
                        e);
            }
        }
    }

    /**
     * Takes the request's next automatic step if it is due, as the system: APPROVED → provision →
     * PROVISIONING; stamp ACTIVE → READY; READY → plan opened → MIGRATING; plan completed → DONE.
     * Each step is its own transaction and idempotent, so a crash between steps is picked up here again.
     */
    public synchronized void progress(String id) {
        for (int step = 0; step < 4; step++) {
            Boolean moved = tx.execute(s -> step(id));
            if (!Boolean.TRUE.equals(moved)) {
                return;
            }
        }
    }

    private boolean step(String id) {
        IsolationRequest r = requests.findById(id).orElse(null);
        if (r == null || r.dedicatedStamp() == null) {
            return false;
        }
        String stamp = r.dedicatedStamp();
        IsolationState from = r.state();
        String note;
        switch (from) {
            case APPROVED -> {
                StampProvisioner port = provisioner.getIfAvailable();
                if (port == null) {
                    return false;
                }
                DedicatedSizing size = r.sizing();
                // the ticket's figures are the customer's estimate; never build below what is measured now
                var observed = migrationPlans.observedSizing(r.region(), r.registries());
                int registryNodes = Math.max(size.registryNodes(), observed.registryNodes());
                int dataproxyNodes = Math.max(size.dataproxyNodes(), observed.dataproxyNodes());
                port.provision(new DedicatedStampSpec(
                        stamp,
                        r.region(),
                        r.customer(),
                        registryNodes,
                        dataproxyNodes,
                        size.storageAccounts(),
                        r.requestedBy()));
                r.startProvisioning();
                note = "provisioning dedicated stamp " + stamp + " in " + r.region() + " (" + registryNodes
                        + " registry, " + dataproxyNodes + " dataproxy nodes, " + size.storageAccounts()
                        + " storage accounts)"
                        + (registryNodes > size.registryNodes() || dataproxyNodes > size.dataproxyNodes()
                                ? "; raised from the request's " + size.registryNodes() + " / " + size.dataproxyNodes()
                                        + " to what the registries measurably carry at peak (" + observed.arithmetic()
                                        + ")"
                                : "");
            }
            case PROVISIONING -> {
                if (fleet.stamp(stamp).map(StampInfo::status).orElse(null) != StampStatus.ACTIVE) {
                    return false;
                }
                r.markReady();
                note = "dedicated stamp " + stamp + " is ACTIVE";
            }
            case READY -> {
                List<String> there = migrationPlans.alreadyOn(r.region(), r.registries(), stamp);
                List<String> toMove = r.registries().stream()
                        .filter(reg -> !there.contains(reg))
                        .toList();
                if (toMove.isEmpty()) {
                    // a plan that proposes nothing could never be approved: the request is simply done
                    r.complete();
                    note = "every registry already runs on " + stamp + ": nothing to migrate";
                } else {
                    PlanDetails plan = migrationPlans.proposeOnto(
                            r.region(),
                            toMove,
                            stamp,
                            "Isolation request "
                                    + r.shortId() + " of " + r.customer() + ": move " + registries(toMove.size())
                                    + " onto dedicated stamp " + stamp + ".");
                    r.startMigration(plan.id());
                    note = "migration plan " + plan.id() + " opened, pending an engineer's approval"
                            + (there.isEmpty() ? "" : "; " + String.join(", ", there) + " already on " + stamp);
                }
            }
            case MIGRATING -> {
                if (r.planId() == null || planning.get(r.planId()).status() != PlanStatus.COMPLETED) {
                    return false;
                }
                r.complete();
                note = "migration plan " + r.planId() + " completed: the registries are served by " + stamp;
            }
            default -> {
                return false;
            }
        }
        requests.save(r);
        history.append(id, clock.instant(), Actor.SYSTEM.name(), from, r.state(), note);
        events.publishEvent(new IsolationStateChanged(id, Actor.SYSTEM, from, r.state(), note));
        return true;
    }
}
