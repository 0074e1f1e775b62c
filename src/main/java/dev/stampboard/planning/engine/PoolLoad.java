package dev.stampboard.planning.engine;

/**
 * One pool: node count, idle baseline b (%), and the hot-node value per minute of the window (NaN = none).
 * {@code removalGain} and {@code additionGain} scale the load a move takes off or puts on this pool; 1 is DESIGN §3's
 * model as it is, other values come from calibration against measured outcomes.
 */
public record PoolLoad(
        int nodes, double idleBaseline, float[] hotNodeMinutes, double removalGain, double additionGain) {

    public PoolLoad(int nodes, double idleBaseline, float[] hotNodeMinutes) {
        this(nodes, idleBaseline, hotNodeMinutes, 1.0, 1.0);
    }
}
