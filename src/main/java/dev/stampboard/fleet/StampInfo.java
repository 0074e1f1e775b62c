package dev.stampboard.fleet;

import java.util.List;
import java.util.Optional;

/** Read model of a stamp, safe to hand to views and the API. */
public record StampInfo(
        String name,
        String region,
        StampKind kind,
        StampStatus status,
        List<PoolInfo> pools,
        List<String> storageAccounts) {

    public Optional<PoolInfo> pool(PoolKind kind) {
        return pools.stream().filter(p -> p.kind() == kind).findFirst();
    }

    public List<String> nodes(PoolKind kind) {
        return pool(kind).map(PoolInfo::nodes).orElse(List.of());
    }
}
