package dev.stampboard.signals.engine;

import dev.stampboard.fleet.RegionName;
import dev.stampboard.fleet.RegistryName;
import dev.stampboard.fleet.StampName;

/** One minute of one registry replica (the registry in a region), and the stamp that served it in that minute. */
public record ReplicaMinute(RegistryName registry, RegionName region, StampName stamp, long minute) {

    public static ReplicaMinute of(String registry, String region, String stamp, long minute) {
        return new ReplicaMinute(RegistryName.of(registry), RegionName.of(region), StampName.of(stamp), minute);
    }
}
