package dev.stampboard.signals;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.signals.engine.PoolState;
import java.util.List;
import java.util.Optional;

public record StampSignals(StampInfo stamp, List<PoolSignal> pools) {

    public Optional<PoolSignal> pool(PoolKind kind) {
        return pools.stream().filter(p -> p.pool() == kind).findFirst();
    }

    /** The worst state of the stamp's pools, for sorting and filtering. */
    public PoolState worstState() {
        return pools.stream()
                .map(PoolSignal::state)
                .max((a, b) -> Integer.compare(severity(a), severity(b)))
                .orElse(PoolState.NO_DATA);
    }

    /** NO_DATA < OK < WARN < HOT, for sorting and filtering. */
    public static int severity(PoolState s) {
        return switch (s) {
            case NO_DATA -> 0;
            case OK -> 1;
            case WARN -> 2;
            case HOT -> 3;
        };
    }
}
