package dev.stampboard.isolation;

import static dev.stampboard.isolation.IsolationSteps.registries;

import dev.stampboard.base.Actor;
import dev.stampboard.base.SingleInstanceJobs;
import dev.stampboard.fleet.DedicatedStampProvisioning;
import dev.stampboard.fleet.DedicatedStampSpec;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.planning.IsolationMigrationPlans;
import dev.stampboard.planning.PlanDetails;
import dev.stampboard.planning.PlanFinished;
import dev.stampboard.planning.PlanId;
import dev.stampboard.planning.PlanStatus;
import dev.stampboard.planning.PlanningService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After approval a request advances on its own, as the system — provisioned, ready, migrating, done —
 * checked every few seconds (by one console instance), whenever someone looks at it, and when its
 * migration plan finishes. Each step is its own transaction and idempotent.
 */
@Service
@EnableConfigurationProperties(IsolationProperties.class)
public class IsolationProgress {

    private static final Logger log = LoggerFactory.getLogger(IsolationProgress.class);

    private final IsolationSteps steps;
    private final IsolationRequestRepository requests;
    private final FleetService fleet;
    private final IsolationMigrationPlans migrationPlans;
    private final PlanningService planning;
    private final DedicatedStampProvisioning provisioning;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ObjectProvider<SingleInstanceJobs> jobs;
    private final DedicatedGrowth growth;
    private final dev.stampboard.base.HandledEvents handled;

    IsolationProgress(
            IsolationSteps steps,
            IsolationRequestRepository requests,
            FleetService fleet,
            IsolationMigrationPlans migrationPlans,
            PlanningService planning,
            DedicatedStampProvisioning provisioning,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            ObjectProvider<SingleInstanceJobs> jobs,
            DedicatedGrowth growth,
            dev.stampboard.base.HandledEvents handled) {
        this.handled = handled;
        this.steps = steps;
        this.requests = requests;
        this.fleet = fleet;
        this.migrationPlans = migrationPlans;
        this.planning = planning;
        this.provisioning = provisioning;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.jobs = jobs;
        this.growth = growth;
        // each automatic step commits on its own, also when called after another transaction's commit
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

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
        for (IsolationRequest r : requests.linkedTo(event.planId())) {
            try {
                if (event.status() == PlanStatus.COMPLETED) {
                    progress(r.getId());
                } else {
                    // a redelivered PlanFinished records the end once
                    tx.executeWithoutResult(s -> {
                        if (handled.firstTime(
                                "isolation.plan-finished", r.getId() + "/" + event.planId() + "/" + event.status())) {
                            events.publishEvent(new IsolationMigrationEnded(r.getId(), event.planId(), event.status()));
                        }
                    });
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
                if (fleet.stamp(stamp).isPresent()) {
                    // the customer already has its dedicated stamp here: it grows (never shrinks) to the summed sizing
                    r.startProvisioning();
                    note = growth.ask(r, stamp);
                    break;
                }
                if (!provisioning.available()) {
                    return false; // bring-your-own inventory: waits for an operator to declare the stamp
                }
                DedicatedSizing size = r.sizing();
                // the ticket's figures are the customer's estimate; never build below what is measured now
                var observed = migrationPlans.observedSizing(r.region(), r.registries());
                int registryNodes = Math.max(size.registryNodes(), observed.registryNodes());
                int dataproxyNodes = Math.max(size.dataproxyNodes(), observed.dataproxyNodes());
                provisioning.provision(new DedicatedStampSpec(
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
                } else if (fleet.stamp(stamp).map(StampInfo::status).orElse(null) != StampStatus.ACTIVE) {
                    // it started draining since it became ACTIVE: no plan may move replicas onto it
                    // (IsolationMigrationPlans.proposeOnto refuses); the request waits for a person
                    return false;
                } else {
                    PlanDetails plan = migrationPlans.proposeOnto(
                            r.region(),
                            toMove,
                            stamp,
                            "Isolation request "
                                    + r.shortId() + " of " + r.customer() + ": move " + registries(toMove.size())
                                    + " onto dedicated stamp " + stamp + ".");
                    r.startMigration(plan.planId());
                    note = "migration plan " + plan.id() + " opened, pending an engineer's approval"
                            + (there.isEmpty() ? "" : "; " + String.join(", ", there) + " already on " + stamp);
                }
            }
            case MIGRATING -> {
                PlanId linked = r.planId();
                if (linked == null || planning.get(linked).status() != PlanStatus.COMPLETED) {
                    return false;
                }
                r.complete();
                note = "migration plan " + linked + " completed: the registries are served by " + stamp;
            }
            default -> {
                return false;
            }
        }
        steps.record(r, Actor.SYSTEM, from, note);
        return true;
    }
}
