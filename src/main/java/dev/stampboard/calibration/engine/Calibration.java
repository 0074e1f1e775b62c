package dev.stampboard.calibration.engine;

import dev.stampboard.fleet.PoolKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * The fitted parameters of the prediction model (DESIGN §3) and how a prediction uses them:
 * <ul>
 * <li>{@code idleBaseline}: b per pool ("stamp/POOL"), from its (traffic, CPU) history; pools without history use
 * the median of the fitted ones of their kind, or the planner's setting;</li>
 * <li>{@code registryCost}: per registry and pool kind ("registry/POOL"), how much more (or less) CPU its traffic adds
 * to its pool's hot node than its share says — its hidden cost per request or byte and where its hot keys land —
 * from a regression of the hot node on each registry's own traffic ({@link RegistryCostFit}). It weighs what the
 * registry brings to a destination; what leaves the source stays its share, as the source's hot node is a max over
 * nodes and another node takes over when most of its load leaves.</li>
 * </ul>
 * {@link #NONE} is the planner's model as it is.
 */
public record Calibration(
        Map<String, Double> idleBaseline,
        Map<PoolKind, Double> baselineByKind,
        Map<String, Double> registryCost,
        int moves) {

    public static final Calibration NONE = new Calibration(Map.of(), Map.of(), Map.of(), 0);

    public Calibration {
        idleBaseline = Map.copyOf(idleBaseline);
        baselineByKind = baselineByKind.isEmpty() ? Map.of() : new EnumMap<>(baselineByKind);
        registryCost = Map.copyOf(registryCost);
    }

    public double baseline(String stamp, PoolKind pool, double plannerDefault) {
        return idleBaseline.getOrDefault(stamp + "/" + pool.name(), baselineByKind.getOrDefault(pool, plannerDefault));
    }

    /** How much more (or less) CPU than its share says a registry's traffic costs in a pool kind; 1 when unknown. */
    public double cost(String registry, PoolKind pool) {
        return registryCost.getOrDefault(costKey(registry, pool), 1.0);
    }

    static String costKey(String registry, PoolKind pool) {
        return registry + "/" + pool.name();
    }

    /**
     * The calibrated prediction of an outcome's pool: the planner's predicted change, rescaled from the planner's b to
     * the fitted one (the model's change is proportional to hot − b), on the destination times the registry's cost.
     */
    public double predict(MoveOutcome o, double plannerBaseline) {
        return o.before() + calibratedChange(o, plannerBaseline);
    }

    double calibratedChange(MoveOutcome o, double plannerBaseline) {
        return rescaled(o, plannerBaseline) * (o.destination() ? cost(o.registry(), o.pool()) : 1.0);
    }

    /** The predicted change with the fitted b instead of the planner's. */
    double rescaled(MoveOutcome o, double plannerBaseline) {
        // on the destination the added load came from the source, whose b is not stored with the outcome: the pool
        // kind's fitted b stands in for it
        double b = o.destination()
                ? baselineByKind.getOrDefault(o.pool(), plannerBaseline)
                : baseline(o.stamp(), o.pool(), plannerBaseline);
        double reference = o.destination() ? Math.max(o.before(), o.predicted()) : o.before();
        double denominator = reference - plannerBaseline;
        if (Math.abs(denominator) < 1e-6) {
            return o.predictedChange();
        }
        return o.predictedChange() * (reference - b) / denominator;
    }
}
