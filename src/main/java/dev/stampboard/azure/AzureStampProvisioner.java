package dev.stampboard.azure;

import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineScaleSetInner;
import com.azure.resourcemanager.compute.models.Sku;
import com.azure.resourcemanager.storage.StorageManager;
import com.azure.resourcemanager.storage.models.Kind;
import com.azure.resourcemanager.storage.models.SkuName;
import com.azure.resourcemanager.storage.models.StorageAccountCreateParameters;
import dev.stampboard.base.Actor;
import dev.stampboard.fleet.DedicatedStampSpec;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampDeclaration;
import dev.stampboard.fleet.StampKind;
import dev.stampboard.fleet.StampProvisioner;
import dev.stampboard.fleet.StampStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A dedicated stamp on Azure: two scale sets copied from the configured templates (image, size,
 * network and admin profile of {@code provisioning.registry-template} / {@code dataproxy-template})
 * with the stamp's tags and the sized capacity, plus its storage accounts. The create requests are
 * sent and not awaited; the stamp is declared {@code PROVISIONING}, and the inventory activates it
 * when both scale sets report Succeeded. Idempotent by stamp name; the Azure writes are PUTs of
 * fixed names, so a retry after a crash between them and the declaration repeats them harmlessly.
 */
@Component
@Profile("azure")
class AzureStampProvisioner implements StampProvisioner {

    private static final Logger log = LoggerFactory.getLogger(AzureStampProvisioner.class);

    private final ComputeManager compute;
    private final StorageManager storage;
    private final FleetService fleet;
    private final AzureProperties.Provisioning settings;

    AzureStampProvisioner(
            ComputeManager compute, StorageManager storage, FleetService fleet, AzureProperties properties) {
        this.compute = compute;
        this.storage = storage;
        this.fleet = fleet;
        this.settings = properties.provisioning();
    }

    @Override
    public void provision(DedicatedStampSpec spec) {
        if (fleet.stamp(spec.stamp()).isPresent()) {
            return;
        }
        VirtualMachineScaleSetInner registry = template(settings.registryTemplate(), "registry-template");
        VirtualMachineScaleSetInner dataproxy = template(settings.dataproxyTemplate(), "dataproxy-template");
        createScaleSet(spec, PoolKind.REGISTRY, registry, spec.registryNodes());
        createScaleSet(spec, PoolKind.DATAPROXY, dataproxy, spec.dataproxyNodes());
        List<String> accounts = new ArrayList<>();
        for (int i = 1; i <= spec.storageAccounts(); i++) {
            String name = storageAccountName(spec.stamp(), i);
            StorageAccountCreateParameters parameters = new StorageAccountCreateParameters()
                    .withSku(new com.azure.resourcemanager.storage.models.Sku().withName(SkuName.STANDARD_ZRS))
                    .withKind(Kind.STORAGE_V2)
                    .withLocation(spec.region())
                    .withTags(tags(spec, null));
            AzureInventory.call(
                    "Creating storage account " + name,
                    () -> storage.serviceClient()
                            .getStorageAccounts()
                            .beginCreate(settings.resourceGroup(), name, parameters));
            accounts.add(name);
        }
        fleet.declareStamp(
                spec.stamp(),
                new StampDeclaration(
                        spec.region(),
                        StampKind.DEDICATED,
                        StampStatus.PROVISIONING,
                        List.of(
                                new StampDeclaration.PoolDeclaration(
                                        PoolKind.REGISTRY, List.of(), spec.registryNodes()),
                                new StampDeclaration.PoolDeclaration(
                                        PoolKind.DATAPROXY, List.of(), spec.dataproxyNodes())),
                        accounts),
                Actor.system(spec.requestedBy()));
        log.info(
                "Dedicated stamp {} for {}: scale sets and {} storage accounts requested in {}",
                spec.stamp(),
                spec.customer(),
                accounts.size(),
                settings.resourceGroup());
    }

    static String scaleSetName(String stamp, PoolKind pool) {
        return stamp + "-" + pool.name().toLowerCase(Locale.ROOT);
    }

    /** 3–24 lower-case letters and digits, as Azure requires. */
    static String storageAccountName(String stamp, int index) {
        String base = "sb" + stamp.replaceAll("[^a-z0-9]", "");
        return base.substring(0, Math.min(base.length(), 22)) + String.format("%02d", index);
    }

    private void createScaleSet(
            DedicatedStampSpec spec, PoolKind pool, VirtualMachineScaleSetInner template, int capacity) {
        String name = scaleSetName(spec.stamp(), pool);
        var profile = template.virtualMachineProfile();
        if (profile != null && profile.osProfile() != null) {
            profile.osProfile().withComputerNamePrefix(name.length() > 15 ? name.substring(0, 15) : name);
        }
        VirtualMachineScaleSetInner wanted = new VirtualMachineScaleSetInner()
                .withSku(new Sku()
                        .withName(template.sku() == null ? null : template.sku().name())
                        .withTier(template.sku() == null ? null : template.sku().tier())
                        .withCapacity((long) capacity))
                .withVirtualMachineProfile(profile)
                .withUpgradePolicy(template.upgradePolicy())
                .withOverprovision(template.overprovision())
                .withSinglePlacementGroup(template.singlePlacementGroup())
                .withPlatformFaultDomainCount(template.platformFaultDomainCount())
                .withZones(template.zones())
                .withOrchestrationMode(template.orchestrationMode());
        wanted.withLocation(spec.region()).withTags(tags(spec, pool));
        AzureInventory.call(
                "Creating scale set " + name + " from its template",
                () -> compute.serviceClient()
                        .getVirtualMachineScaleSets()
                        .beginCreateOrUpdate(settings.resourceGroup(), name, wanted));
    }

    private VirtualMachineScaleSetInner template(@Nullable String reference, String property) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalStateException(
                    "Dedicated stamps cannot be provisioned on Azure: set " + AzureProperties.PREFIX + "provisioning."
                            + property + " to a template scale set ([resource-group/]name)");
        }
        String group =
                reference.contains("/") ? reference.substring(0, reference.indexOf('/')) : settings.resourceGroup();
        String name = reference.substring(reference.indexOf('/') + 1);
        return AzureInventory.call(
                "Reading template scale set " + reference,
                () -> compute.serviceClient().getVirtualMachineScaleSets().getByResourceGroup(group, name));
    }

    private static Map<String, String> tags(DedicatedStampSpec spec, @Nullable PoolKind pool) {
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        tags.put(ScaleSetTags.STAMP, spec.stamp());
        if (pool != null) {
            tags.put(ScaleSetTags.POOL, pool.name().toLowerCase(Locale.ROOT));
        }
        tags.put(ScaleSetTags.REGION, spec.region());
        tags.put(ScaleSetTags.KIND, "dedicated");
        tags.put(ScaleSetTags.CUSTOMER, spec.customer());
        return tags;
    }
}
