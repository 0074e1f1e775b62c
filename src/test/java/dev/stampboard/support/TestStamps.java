package dev.stampboard.support;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampDeclaration;
import dev.stampboard.fleet.StampDeclaration.PoolDeclaration;
import java.util.List;

/**
 * Stamp declarations tests make by hand, so each is spelled out once. Pass the test's own region
 * ({@link TestNames#region()}) and declare the stamp under one of its own names:
 *
 * <pre>{@code
 * fleet.declareStamp(NAMES.stamp(1), TestStamps.oneNodePerPool(NAMES.region()), Actor.SYSTEM);
 * }</pre>
 */
public final class TestStamps {

    private TestStamps() {}

    /**
     * The smallest stamp a test needs: in {@code region}, one node in each pool ({@code rg-000} in the registry pool,
     * {@code dp-000} in the data-proxy pool), no storage account; kind, status and minimum instances are the fleet's
     * defaults.
     */
    public static StampDeclaration oneNodePerPool(String region) {
        return new StampDeclaration(
                region,
                null,
                null,
                List.of(
                        new PoolDeclaration(PoolKind.REGISTRY, List.of("rg-000"), null),
                        new PoolDeclaration(PoolKind.DATAPROXY, List.of("dp-000"), null)),
                List.of());
    }
}
