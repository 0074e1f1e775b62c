package dev.stampboard.isolation;

import dev.stampboard.planning.engine.SizingSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stampboard.isolation.*}: the sizing figures per node (capacity at 100 % CPU), the utilisation
 * a dedicated stamp is sized for, the headroom on top, and how often provisioning is checked.
 * Unset figures take the planner's own defaults, so a plan's isolation advice and a request agree.
 */
@ConfigurationProperties("stampboard.isolation")
record IsolationProperties(
        double registryNodeQps,
        double dataproxyNodeGbps,
        double storageAccountTb,
        double targetUtilisation,
        @Nullable Double headroom,
        long checkMillis) {

    IsolationProperties {
        SizingSettings d = SizingSettings.defaults();
        registryNodeQps = registryNodeQps <= 0 ? d.registryNodeQps() : registryNodeQps;
        dataproxyNodeGbps = dataproxyNodeGbps <= 0 ? d.dataproxyNodeGbps() : dataproxyNodeGbps;
        storageAccountTb = storageAccountTb <= 0 ? d.storageAccountTb() : storageAccountTb;
        targetUtilisation = targetUtilisation <= 0 || targetUtilisation > 1 ? d.targetUtilisation() : targetUtilisation;
        headroom = headroom == null || headroom < 0 ? d.headroom() : headroom;
        checkMillis = checkMillis <= 0 ? 5000 : checkMillis;
    }

    SizingSettings sizing() {
        return new SizingSettings(registryNodeQps, dataproxyNodeGbps, storageAccountTb, targetUtilisation, headroom);
    }
}
