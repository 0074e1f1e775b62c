package dev.stampboard.simulator.model;

/**
 * How a stamp answers when its nodes run hot. The hottest pool of the serving stamp decides: a request crosses
 * both pools, so the more loaded one limits it. Shapes follow what an operator sees: nothing until a knee,
 * then steeply worse.
 */
final class ServiceResponse {

    /** Admission control starts rejecting (429) above this hot-node CPU. */
    static final double THROTTLE_KNEE = 85.0;
    /** Queues build up and the latency tail grows sharply above this hot-node CPU. */
    static final double LATENCY_KNEE = 80.0;
    /** 5xx share during a burst (a bad node, a storage hiccup). */
    static final double BURST_ERROR_RATE = 0.06;
    /** A burst lasts one block of this many minutes… */
    static final int BURST_MINUTES = 10;
    /** …and hits a replica about once every two weeks. */
    static final double BURST_PROBABILITY = 1.0 / (14 * 24 * 60 / BURST_MINUTES);

    private ServiceResponse() {
    }

    /** Share of requests throttled: 0 up to the knee, 2.8 % at 90 %, 25 % at 100 %. */
    static double throttledFraction(double hotCpu) {
        if (hotCpu <= THROTTLE_KNEE) {
            return 0.0;
        }
        double x = (hotCpu - THROTTLE_KNEE) / (100.0 - THROTTLE_KNEE);
        return 0.25 * x * x;
    }

    /** Multiplier of the unloaded p99: up to 1.25 at the knee, then quadratic to about 9× at 100 %. */
    static double latencyFactor(double hotCpu) {
        double cpu = Math.max(0.0, Math.min(100.0, hotCpu));
        if (cpu <= LATENCY_KNEE) {
            return 1.0 + 0.25 * cpu / LATENCY_KNEE;
        }
        double x = (cpu - LATENCY_KNEE) / (100.0 - LATENCY_KNEE);
        return 1.25 + 8.0 * x * x;
    }

    static boolean inErrorBurst(long seed, String registry, String region, long epochMinute) {
        long block = Math.floorDiv(epochMinute, BURST_MINUTES);
        return DeterministicNoise.uniform(seed, registry, region + "/burst", block) < BURST_PROBABILITY;
    }
}
