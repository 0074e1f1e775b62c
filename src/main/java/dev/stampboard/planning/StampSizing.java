package dev.stampboard.planning;

import dev.stampboard.planning.engine.PlanningInput;
import dev.stampboard.planning.engine.RegistryLoad;
import dev.stampboard.planning.engine.Sizing;
import dev.stampboard.planning.engine.SizingCalculator;
import dev.stampboard.planning.engine.SizingSettings;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The one sizing path for dedicated stamps (DESIGN §6), with the figures of {@code stampboard.isolation.*}:
 * an isolation request's stated peaks, a plan's isolations and the stamp the executor provisions for a
 * plan are all sized here, so a changed setting changes every one of them.
 */
@Service
@EnableConfigurationProperties(SizingProperties.class)
public class StampSizing {

    private final SizingProperties properties;

    StampSizing(SizingProperties properties) {
        this.properties = properties;
    }

    /** The figures per node, utilisation and headroom a dedicated stamp is sized with. */
    public SizingSettings settings() {
        return properties.settings();
    }

    /** Sizing for stated peaks (an isolation request's figures), with the arithmetic. */
    public Sizing size(double peakQps, double peakThroughputGbps, double dataVolumeTb) {
        return SizingCalculator.size(peakQps, peakThroughputGbps, dataVolumeTb, settings());
    }

    /**
     * Sizing for the summed measured peaks of these registries in the input (peaks add up: sized for the
     * worst case), with the sizing figures the plan is computed with.
     */
    static Sizing forPeaksOf(PlanningInput input, Set<String> registries, SizingSettings settings) {
        double requestsPerMinute = 0;
        double bytesPerMinute = 0;
        for (RegistryLoad r : input.registries()) {
            if (registries.contains(r.registry())) {
                requestsPerMinute += r.peakRequestsPerMinute();
                bytesPerMinute += r.peakBytesPerMinute();
            }
        }
        return SizingCalculator.size(requestsPerMinute / 60.0, bytesPerMinute * 8 / 60.0 / 1e9, 0, settings);
    }
}
