package dev.stampboard.planning;

import dev.stampboard.planning.engine.SizingSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dedicated-stamp sizing figures of {@code stampboard.isolation.*} (DESIGN §6): capacity per node at
 * 100 % CPU, the utilisation a dedicated stamp is sized for, and the headroom on top. Bound here, in the
 * module that sizes, so a plan's isolations, the stamp the executor provisions and an isolation request
 * are sized from the same figures. Unset figures take the engine's defaults.
 */
@ConfigurationProperties("stampboard.isolation")
record SizingProperties(
        double registryNodeQps,
        double dataproxyNodeGbps,
        double storageAccountTb,
        double targetUtilisation,
        @Nullable Double headroom) {

    SizingProperties {
        SizingSettings d = SizingSettings.defaults();
        registryNodeQps = registryNodeQps <= 0 ? d.registryNodeQps() : registryNodeQps;
        dataproxyNodeGbps = dataproxyNodeGbps <= 0 ? d.dataproxyNodeGbps() : dataproxyNodeGbps;
        storageAccountTb = storageAccountTb <= 0 ? d.storageAccountTb() : storageAccountTb;
        targetUtilisation = targetUtilisation <= 0 || targetUtilisation > 1 ? d.targetUtilisation() : targetUtilisation;
        headroom = headroom == null || headroom < 0 ? d.headroom() : headroom;
    }

    SizingSettings settings() {
        return new SizingSettings(
                registryNodeQps,
                dataproxyNodeGbps,
                storageAccountTb,
                targetUtilisation,
                headroom == null ? 0 : headroom);
    }
}
