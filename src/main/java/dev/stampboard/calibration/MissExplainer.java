package dev.stampboard.calibration;

import dev.stampboard.fleet.PoolKind;
import java.util.Optional;

/**
 * Why a prediction missed, as the fleet can tell: an adapter that knows the fleet's inner workings (the embedded
 * simulator knows its physics; a real fleet might read cache-hit metrics) names the main cause in a few words.
 */
public interface MissExplainer {

    Optional<String> explain(
            String registry,
            String stamp,
            PoolKind pool,
            boolean destination,
            double errorPp,
            long cutoverMinute,
            long judgedMinute);
}
