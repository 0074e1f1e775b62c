package dev.stampboard.azure;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What one inventory refresh read from Resource Manager, before anything is written. */
record ObservedFleet(Map<String, ObservedStamp> stamps) {

    static final ObservedFleet EMPTY = new ObservedFleet(Map.of());

    record ObservedStamp(
            String name,
            String region,
            StampKind kind,
            Map<PoolKind, ObservedScaleSet> pools,
            List<String> storageAccounts) {

        boolean allSucceeded() {
            return pools.size() == PoolKind.values().length
                    && pools.values().stream().allMatch(ObservedScaleSet::succeeded);
        }
    }

    /** One scale set with its instances' node names (and the VM names Monitor reports for them). */
    record ObservedScaleSet(
            String id,
            String resourceGroup,
            String name,
            @Nullable String skuName,
            @Nullable String skuTier,
            long capacity,
            @Nullable String provisioningState,
            Map<String, String> nodeByVmName) {

        boolean succeeded() {
            return "succeeded".equalsIgnoreCase(provisioningState);
        }

        List<String> nodes() {
            return nodeByVmName.values().stream().distinct().sorted().toList();
        }
    }

    Optional<ObservedScaleSet> scaleSet(String stamp, PoolKind pool) {
        ObservedStamp s = stamps.get(stamp);
        return s == null ? Optional.empty() : Optional.ofNullable(s.pools().get(pool));
    }
}
