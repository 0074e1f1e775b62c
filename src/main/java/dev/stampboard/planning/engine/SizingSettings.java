package dev.stampboard.planning.engine;

/** Per-node capacities (at 100 % CPU), the utilisation to size for, and extra headroom (0.2 = +20 %). */
public record SizingSettings(
        double registryNodeQps,
        double dataproxyNodeGbps,
        double storageAccountTb,
        double targetUtilisation,
        double headroom) {

    public static SizingSettings defaults() {
        return new SizingSettings(500, 6, 100, 0.40, 0.2);
    }
}
