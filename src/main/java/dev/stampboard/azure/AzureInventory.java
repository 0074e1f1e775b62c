package dev.stampboard.azure;

import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineScaleSetInner;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineScaleSetVMInner;
import com.azure.resourcemanager.storage.StorageManager;
import com.azure.resourcemanager.storage.fluent.models.StorageAccountInner;
import dev.stampboard.azure.ObservedFleet.ObservedScaleSet;
import dev.stampboard.azure.ObservedFleet.ObservedStamp;
import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolInfo;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampDeclaration;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampKind;
import dev.stampboard.fleet.StampStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The inventory from Resource Manager: scale sets tagged {@code stampboard-stamp}, {@code stampboard-pool}
 * and {@code stampboard-region} are stamps and pools, their instances nodes, and storage accounts
 * tagged with a stamp its storage pool. Everything is read before anything is written, so a failed
 * read leaves the inventory as it was. Nothing is ever deleted: a scale set that disappears marks
 * its pool; a stamp being provisioned is activated once both its scale sets report Succeeded.
 */
@Component
@Profile("azure")
public class AzureInventory implements dev.stampboard.operations.ReadinessCheck {

    static final Actor ACTOR = Actor.system("azure-inventory");
    private static final Logger log = LoggerFactory.getLogger(AzureInventory.class);

    private final ComputeManager compute;
    private final StorageManager storage;
    private final FleetService fleet;
    private final AzureProperties properties;
    private volatile ObservedFleet latest = ObservedFleet.EMPTY;
    /** The console is not ready before the first inventory: it would plan and show an empty fleet. */
    private volatile boolean readOnce;

    private final AzurePollMetrics metrics;

    private final org.springframework.beans.factory.ObjectProvider<dev.stampboard.base.SingleInstanceJobs> jobs;
    /** Since when this instance has not been the one polling (System.nanoTime), or 0 while it is. */
    private volatile long followingSince;

    AzureInventory(
            ComputeManager compute,
            StorageManager storage,
            FleetService fleet,
            AzureProperties properties,
            AzurePollMetrics metrics,
            org.springframework.beans.factory.ObjectProvider<dev.stampboard.base.SingleInstanceJobs> jobs) {
        this.jobs = jobs;
        this.metrics = metrics;
        this.compute = compute;
        this.storage = storage;
        this.fleet = fleet;
        this.properties = properties;
    }

    /**
     * The scale sets as last read, reading them now when this instance has not yet (it was just elected, or it scales
     * a pool for the executor while another instance polls).
     */
    ObservedFleet current() {
        ObservedFleet seen = latest;
        return seen == ObservedFleet.EMPTY ? refresh() : seen;
    }

    /** The scale sets seen by the last successful refresh (telemetry and scaling find them here). */
    ObservedFleet latest() {
        return latest;
    }

    @Scheduled(
            initialDelayString = "${stampboard.azure.initial-delay:PT0S}",
            fixedDelayString = "${stampboard.azure.inventory-interval:PT5M}")
    void scheduledRefresh() {
        if (!elected()) {
            return;
        }
        try {
            refresh();
        } catch (AzureCallFailed e) {
            log.warn(
                    "{}; the inventory is unchanged and is read again in {}",
                    e.getMessage(),
                    properties.inventoryInterval());
        }
    }

    /** Reads the tagged resources, then brings the inventory in step. Throws {@link AzureCallFailed} before any write. */
    public synchronized ObservedFleet refresh() {
        ObservedFleet observed = metrics.time(AzurePollMetrics.INVENTORY, this::read);
        apply(observed);
        latest = observed;
        readOnce = true;
        return observed;
    }

    @Override
    public String awaiting() {
        return "the first Azure inventory (scale sets and storage accounts from Resource Manager)";
    }

    @Override
    public boolean isReady() {
        if (readOnce) {
            return true;
        }
        // another instance polls Azure: this one serves the inventory that instance stores, once there is one
        long since = followingSince;
        return since != 0
                && (!fleet.stamps().isEmpty()
                        || System.nanoTime() - since
                                > properties.inventoryInterval().toNanos());
    }

    /**
     * Whether this instance is the one that polls Azure now (README "Several instances"): the inventory, Monitor
     * metrics and Log Analytics pollers share one lease, so the telemetry pollers find the scale sets this instance
     * read; the others follow what it stores.
     */
    boolean elected() {
        dev.stampboard.base.SingleInstanceJobs single = jobs.getIfAvailable();
        boolean held = single == null || single.holdsLease(POLLING_LEASE);
        if (!held && followingSince == 0) {
            followingSince = System.nanoTime();
        } else if (held) {
            followingSince = 0;
        }
        return held;
    }

    /** The lease all Azure pollers run under. */
    static final String POLLING_LEASE = "azure-polling";

    // ---- read ---------------------------------------------------------------------------------

    private ObservedFleet read() {
        Map<String, StampBuilder> stamps = new LinkedHashMap<>();
        for (String group : properties.resourceGroups()) {
            List<VirtualMachineScaleSetInner> scaleSets = call(
                    "Listing the scale sets of resource group " + group,
                    () -> compute.serviceClient().getVirtualMachineScaleSets().listByResourceGroup(group).stream()
                            .toList());
            for (VirtualMachineScaleSetInner scaleSet : scaleSets) {
                Optional<String> stamp = ScaleSetTags.tag(scaleSet.tags(), ScaleSetTags.STAMP);
                Optional<PoolKind> pool = ScaleSetTags.pool(scaleSet.tags());
                if (stamp.isEmpty() || pool.isEmpty()) {
                    log.debug(
                            "Scale set {} has no {}/{} tags: not a stamp pool",
                            scaleSet.name(),
                            ScaleSetTags.STAMP,
                            ScaleSetTags.POOL);
                    continue;
                }
                String region = ScaleSetTags.tag(scaleSet.tags(), ScaleSetTags.REGION)
                        .orElse(
                                scaleSet.location() == null
                                        ? ""
                                        : scaleSet.location().toLowerCase(java.util.Locale.ROOT));
                List<VirtualMachineScaleSetVMInner> vms = call(
                        "Listing the instances of scale set " + scaleSet.name(),
                        () ->
                                compute
                                        .serviceClient()
                                        .getVirtualMachineScaleSetVMs()
                                        .list(group, scaleSet.name())
                                        .stream()
                                        .toList());
                Map<String, String> nodeByVm = new LinkedHashMap<>();
                for (VirtualMachineScaleSetVMInner vm : vms) {
                    ScaleSetTags.nodeName(vm.name())
                            .ifPresentOrElse(
                                    node -> nodeByVm.put(vm.name().toLowerCase(), node),
                                    () -> log.warn(
                                            "Instance '{}' of scale set {} cannot be a node name; skipped",
                                            vm.name(),
                                            scaleSet.name()));
                }
                ObservedScaleSet observed = new ObservedScaleSet(
                        scaleSet.id(),
                        group,
                        scaleSet.name(),
                        scaleSet.sku() == null ? null : scaleSet.sku().name(),
                        scaleSet.sku() == null ? null : scaleSet.sku().tier(),
                        scaleSet.sku() == null || scaleSet.sku().capacity() == null
                                ? nodeByVm.size()
                                : scaleSet.sku().capacity(),
                        scaleSet.provisioningState(),
                        Map.copyOf(nodeByVm));
                stamps.computeIfAbsent(
                                stamp.get(), name -> new StampBuilder(name, region, ScaleSetTags.kind(scaleSet.tags())))
                        .add(pool.get(), region, observed);
            }
            List<StorageAccountInner> accounts = call(
                    "Listing the storage accounts of resource group " + group,
                    () -> storage.serviceClient().getStorageAccounts().listByResourceGroup(group).stream()
                            .toList());
            for (StorageAccountInner account : accounts) {
                ScaleSetTags.tag(account.tags(), ScaleSetTags.STAMP).ifPresent(stamp -> {
                    StampBuilder builder = stamps.get(stamp);
                    if (builder == null) {
                        log.warn(
                                "Storage account {} is tagged with stamp {}, which has no scale set; ignored",
                                account.name(),
                                stamp);
                    } else {
                        builder.storageAccounts.add(account.name());
                    }
                });
            }
        }
        Map<String, ObservedStamp> result = new LinkedHashMap<>();
        stamps.forEach((name, b) -> result.put(
                name, new ObservedStamp(name, b.region, b.kind, Map.copyOf(b.pools), List.copyOf(b.storageAccounts))));
        return new ObservedFleet(Map.copyOf(result));
    }

    static <T> T call(String doing, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new AzureCallFailed(doing, e);
        }
    }

    private static final class StampBuilder {
        final String name;
        final String region;
        final StampKind kind;
        final Map<PoolKind, ObservedScaleSet> pools = new EnumMap<>(PoolKind.class);
        final Set<String> storageAccounts = new TreeSet<>();

        StampBuilder(String name, String region, StampKind kind) {
            this.name = name;
            this.region = region;
            this.kind = kind;
        }

        void add(PoolKind pool, String region, ObservedScaleSet scaleSet) {
            if (!region.equals(this.region)) {
                log.warn(
                        "Scale set {} says stamp {} is in {}, another says {}; ignored",
                        scaleSet.name(),
                        name,
                        region,
                        this.region);
            } else if (pools.containsKey(pool)) {
                log.warn(
                        "Scale sets {} and {} both claim pool {} of stamp {}; the first is used",
                        pools.get(pool).name(),
                        scaleSet.name(),
                        pool,
                        name);
            } else {
                pools.put(pool, scaleSet);
            }
        }
    }

    // ---- apply --------------------------------------------------------------------------------

    private void apply(ObservedFleet observed) {
        for (ObservedStamp stamp : observed.stamps().values()) {
            try {
                applyStamp(stamp);
            } catch (InvalidInputException e) {
                log.warn("Stamp {} from Azure was not taken into the inventory: {}", stamp.name(), e.getMessage());
            }
        }
        for (StampInfo stamp : fleet.stamps()) {
            if (stamp.status() == StampStatus.PROVISIONING) {
                continue; // its scale sets are being created
            }
            for (PoolInfo pool : stamp.pools()) {
                if (observed.scaleSet(stamp.name(), pool.kind()).isEmpty() && pool.scaleSetMissingSince() == null) {
                    fleet.reportScaleSet(stamp.name(), pool.kind(), false, ACTOR);
                    log.warn(
                            "The scale set of {} {} is gone; the pool is marked, its nodes and history are kept",
                            stamp.name(),
                            pool.kind());
                }
            }
        }
    }

    private void applyStamp(ObservedStamp observed) {
        Optional<StampInfo> existing = fleet.stamp(observed.name());
        if (existing.isEmpty() || changes(existing.get(), observed)) {
            List<StampDeclaration.PoolDeclaration> pools = new ArrayList<>();
            observed.pools()
                    .forEach((kind, scaleSet) ->
                            pools.add(new StampDeclaration.PoolDeclaration(kind, scaleSet.nodes(), null)));
            StampStatus status = existing.isPresent()
                    ? null
                    : observed.allSucceeded() ? StampStatus.ACTIVE : StampStatus.PROVISIONING;
            fleet.declareStamp(
                    observed.name(),
                    new StampDeclaration(
                            observed.region(),
                            existing.isPresent() ? null : observed.kind(),
                            status,
                            pools,
                            observed.storageAccounts()),
                    ACTOR);
        }
        StampInfo stamp = fleet.requireStamp(observed.name());
        for (PoolInfo pool : stamp.pools()) {
            if (pool.scaleSetMissingSince() != null && observed.pools().containsKey(pool.kind())) {
                fleet.reportScaleSet(stamp.name(), pool.kind(), true, ACTOR);
            }
        }
        if (stamp.status() == StampStatus.PROVISIONING && observed.allSucceeded()) {
            fleet.activateStamp(stamp.name(), ACTOR);
            log.info("Stamp {}: both scale sets report Succeeded; activated", stamp.name());
        }
    }

    /** Whether the observation adds a pool, a node or a storage account (nothing is ever removed). */
    private static boolean changes(StampInfo known, ObservedStamp observed) {
        if (!new HashSet<>(known.storageAccounts()).containsAll(observed.storageAccounts())) {
            return true;
        }
        for (Map.Entry<PoolKind, ObservedScaleSet> pool : observed.pools().entrySet()) {
            Optional<PoolInfo> knownPool = known.pool(pool.getKey());
            if (knownPool.isEmpty()
                    || !new HashSet<>(knownPool.get().nodes())
                            .containsAll(pool.getValue().nodes())) {
                return true;
            }
        }
        return false;
    }
}
