package dev.stampboard.fleet;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Read model of a pool. {@code scaleSetMissingSince} is set while its scale set is gone from the cloud. */
public record PoolInfo(
        PoolKind kind,
        int currentInstances,
        int minInstances,
        List<String> nodes,
        @Nullable Instant scaleSetMissingSince) {}
