package dev.stampboard.signals;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.signals.engine.PoolState;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public record StampSignals(StampInfo stamp, List<PoolSignal> pools) {

    /** Worst state first, then the highest hot-node P95 of either pool, then by name: the stamp table's order. */
    public static final Comparator<StampSignals> HOTTEST_FIRST = Comparator.comparingInt(
                    (StampSignals s) -> severity(s.worstState()))
            .reversed()
            .thenComparing(Comparator.comparingDouble(StampSignals::highestP95).reversed())
            .thenComparing(s -> s.stamp().name());

    /** The higher hot-node P95 of the stamp's pools, -1 when neither has one yet. */
    public double highestP95() {
        return pools.stream()
                .map(PoolSignal::hotNodeP95)
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(-1);
    }

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
