package dev.stampboard.azure;

import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.compute.models.Sku;
import com.azure.resourcemanager.compute.models.VirtualMachineScaleSetUpdate;
import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolCapacity;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampDeclaration;
import dev.stampboard.fleet.StampInfo;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A pool's size on Azure: the scale set's instance count ({@code PATCH sku.capacity}); the minimum is
 * the inventory's (Azure has no minimum outside autoscale), written only after Azure accepted the
 * capacity. New instances become nodes at the next inventory refresh.
 */
@Component
@Profile("azure")
class AzurePoolCapacity implements PoolCapacity {

    private final ComputeManager compute;
    private final AzureInventory inventory;
    private final FleetService fleet;

    AzurePoolCapacity(ComputeManager compute, AzureInventory inventory, FleetService fleet) {
        this.compute = compute;
        this.inventory = inventory;
        this.fleet = fleet;
    }

    @Override
    public void setCapacity(String stamp, PoolKind pool, int capacity, int minimum, Actor actor) {
        if (minimum < 0 || capacity < minimum) {
            throw new InvalidInputException(
                    "Capacity " + capacity + " and minimum " + minimum + " must satisfy 0 <= minimum <= capacity");
        }
        StampInfo info = fleet.requireStamp(stamp);
        ObservedFleet.ObservedScaleSet scaleSet = inventory
                .current()
                .scaleSet(stamp, pool)
                .orElseThrow(() -> new NotFoundException("No Azure scale set is known for " + stamp + " " + pool
                        + " (tags stampboard-stamp/stampboard-pool; the inventory refreshes periodically)"));
        VirtualMachineScaleSetUpdate update = new VirtualMachineScaleSetUpdate()
                .withSku(new Sku()
                        .withName(scaleSet.skuName())
                        .withTier(scaleSet.skuTier())
                        .withCapacity((long) capacity));
        AzureInventory.call(
                "Setting the capacity of scale set " + scaleSet.name() + " to " + capacity,
                () -> compute.serviceClient()
                        .getVirtualMachineScaleSets()
                        .update(scaleSet.resourceGroup(), scaleSet.name(), update));
        fleet.declareStamp(
                stamp,
                new StampDeclaration(
                        info.region(),
                        null,
                        null,
                        List.of(new StampDeclaration.PoolDeclaration(pool, List.of(), minimum)),
                        List.of()),
                actor);
    }
}
