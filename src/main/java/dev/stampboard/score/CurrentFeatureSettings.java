package dev.stampboard.score;

import dev.stampboard.score.engine.FeatureSettings;
import dev.stampboard.signals.SignalsService;

/** The feature settings in force: the defaults with the signals' hot threshold (live scores and training alike). */
final class CurrentFeatureSettings {

    private CurrentFeatureSettings() {}

    static FeatureSettings of(SignalsService signals) {
        return FeatureSettings.DEFAULTS.withHotThreshold(signals.settings().hotThreshold());
    }
}
