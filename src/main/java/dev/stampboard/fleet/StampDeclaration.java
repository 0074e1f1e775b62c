package dev.stampboard.fleet;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What an operator (or the simulator) declares about a stamp: its region, kind and pools' nodes. */
public record StampDeclaration(
        String region,
        @Nullable StampKind kind,
        @Nullable StampStatus status,
        List<PoolDeclaration> pools,
        List<String> storageAccounts) {

    public record PoolDeclaration(
            PoolKind pool, List<String> nodes, @Nullable Integer minInstances) {}
}
