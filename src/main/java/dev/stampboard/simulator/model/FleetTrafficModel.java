package dev.stampboard.simulator.model;

import dev.stampboard.fleet.PoolKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One simulated minute of the fleet: what every replica asked for, what every node's CPU read, and how the
 * stamps answered (throttling, errors, latency).
 * <p>
 * {@link #minute} is a pure function of (scenario, seed, minute, layout): every random-looking value is a hash of
 * the seed, the entity and the minute, so minutes can be computed in any order, repeatedly or in parallel.
 * A replica's traffic does not depend on which stamp serves it; the layout only decides where it lands.
 * <p>
 * Node CPU follows from work, never from traffic shares: each request and byte costs what its registry's
 * {@link RegistryCost} says, times the {@link CacheWarmup} of a replica that arrived recently; the work is
 * {@linkplain NodeAffinity spread} unevenly over the pool's nodes; a node burns its idle CPU plus its work
 * over its capacity ({@link WorldPhysics}), plus a little noise, clamped to [0, 100].
 */
public final class FleetTrafficModel {

    /** Standard deviation of a node's minute-to-minute CPU wobble, in percentage points. */
    static final double NODE_NOISE_PP = 0.7;

    private final long seed;
    private final WorldPhysics physics;
    private final Map<String, TrafficProfile> profileByRegistry;
    private final Map<String, CustomerRhythm> rhythmByRegistry;
    private final Map<String, String> customerByRegistry;
    private final Map<String, RegistryCost> costByRegistry;
    /**
     * The noise streams of each replica and of each pool's nodes ({@link DeterministicNoise#stream}): the names they
     * hash are the same every minute, so they are hashed once (hashing them each minute, node by node and replica by
     * replica, was a fifth of the minute's CPU; JFR, the scenario phase). Emptied when they grow past
     * {@link #REMEMBERED}, which only a fleet whose replicas or node lists keep changing would reach.
     */
    private final Map<ReplicaKey, ReplicaNoise> replicaNoise = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<NodesKey, long[]> nodeNoise = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int REMEMBERED = 200_000;

    public FleetTrafficModel(Scenario scenario, long seed) {
        this(scenario, seed, WorldPhysics.DEFAULT);
    }

    public FleetTrafficModel(Scenario scenario, long seed, WorldPhysics physics) {
        this.seed = seed;
        this.physics = physics;
        Map<String, CustomerRhythm> rhythmByCustomer = new HashMap<>();
        scenario.customers().forEach(c -> rhythmByCustomer.put(c.name(), c.rhythm()));
        Map<String, TrafficProfile> profiles = new HashMap<>();
        Map<String, CustomerRhythm> rhythms = new HashMap<>();
        Map<String, String> customers = new HashMap<>();
        Map<String, RegistryCost> costs = new HashMap<>();
        for (ScenarioRegistry r : scenario.registries()) {
            profiles.put(r.name(), r.profile());
            rhythms.put(r.name(), rhythmByCustomer.getOrDefault(r.customer(), CustomerRhythm.STEADY));
            customers.put(r.name(), r.customer());
            costs.put(r.name(), RegistryCost.of(r.name()));
        }
        this.profileByRegistry = Map.copyOf(profiles);
        this.rhythmByRegistry = Map.copyOf(rhythms);
        this.customerByRegistry = Map.copyOf(customers);
        this.costByRegistry = Map.copyOf(costs);
    }

    public WorldPhysics physics() {
        return physics;
    }

    /**
     * The fleet's measurements in {@code epochMinute} (epoch second / 60) for the given layout.
     * Replicas of registries the scenario does not know, or whose home stamp is missing from the layout or not
     * ACTIVE, produce no traffic. Every stamp in the layout reports CPU for every node, idle or not.
     */
    public MinuteSnapshot minute(long epochMinute, FleetLayout layout) {
        Map<String, StampLayout> stampByName = new HashMap<>(layout.stamps().size() * 2);
        layout.stamps().forEach(s -> stampByName.put(s.name(), s));

        List<Demand> demands = demands(epochMinute, layout, stampByName);
        Map<String, double[][]> workByStamp = new HashMap<>();
        for (StampLayout s : layout.stamps()) {
            workByStamp.put(s.name(), new double[][] {
                new double[s.registryNodes().size()],
                new double[s.dataproxyNodes().size()]
            });
        }
        for (Demand d : demands) {
            double[][] work = known(workByStamp, d.stamp.name());
            long age = d.replica.arrivedMinute() == ReplicaLayout.ALWAYS ? -1 : epochMinute - d.replica.arrivedMinute();
            RegistryCost cost = known(costByRegistry, d.replica.registry());
            NodeAffinity.spread(
                    work[0],
                    d.stamp.registryNodes(),
                    d.stamp.name(),
                    "REGISTRY",
                    d.replica.registry(),
                    d.requests * cost.perRequest() * CacheWarmup.factor(physics, PoolKind.REGISTRY, age));
            NodeAffinity.spread(
                    work[1],
                    d.stamp.dataproxyNodes(),
                    d.stamp.name(),
                    "DATAPROXY",
                    d.replica.registry(),
                    d.bytes * cost.perByte() * CacheWarmup.factor(physics, PoolKind.DATAPROXY, age));
        }

        List<NodeCpuSample> samples = new ArrayList<>();
        Map<String, Double> hottestByStamp = new HashMap<>();
        for (StampLayout stamp : layout.stamps()) {
            double[][] work = known(workByStamp, stamp.name());
            double hotRegistry =
                    poolCpu(epochMinute, stamp, PoolKind.REGISTRY, stamp.registryNodes(), work[0], samples);
            double hotDataproxy =
                    poolCpu(epochMinute, stamp, PoolKind.DATAPROXY, stamp.dataproxyNodes(), work[1], samples);
            hottestByStamp.put(stamp.name(), Math.max(hotRegistry, hotDataproxy));
        }

        List<ReplicaTraffic> traffic = new ArrayList<>(demands.size());
        for (Demand d : demands) {
            traffic.add(respond(epochMinute, d, known(hottestByStamp, d.stamp.name())));
        }
        return new MinuteSnapshot(epochMinute, samples, traffic);
    }

    /** What each served replica asks for this minute, independent of how loaded its stamp is. */
    private List<Demand> demands(long epochMinute, FleetLayout layout, Map<String, StampLayout> stampByName) {
        Map<ZoneId, Double> busynessByZone = new HashMap<>();
        List<Demand> demands = new ArrayList<>(layout.replicas().size());
        for (ReplicaLayout replica : layout.replicas()) {
            StampLayout stamp = stampByName.get(replica.homeStamp());
            TrafficProfile profile = profileByRegistry.get(replica.registry());
            if (stamp == null || !stamp.serves() || profile == null) {
                continue;
            }
            CustomerRhythm rhythm = known(rhythmByRegistry, replica.registry());
            ZoneId zone = rhythm.zoneOr(stamp.regionZone());
            double busyness = busynessByZone.computeIfAbsent(zone, z -> busyness(epochMinute, z));
            double expected = profile.peakRequestsPerMinute()
                    * DailyTrafficShape.level(busyness, profile.dailyAmplitude())
                    * rhythm.weekly(epochMinute, stamp.regionZone())
                    * rhythm.growth(epochMinute)
                    * rhythm.burst(seed, known(customerByRegistry, replica.registry()), epochMinute);
            ReplicaNoise noise = noise(replica.registry(), replica.region());
            double requestNoise = DeterministicNoise.gaussianAt(noise.requests(), epochMinute);
            double requests = Math.max(0.0, expected * (1.0 + profile.noise() * requestNoise));
            // the mix of small manifests and big layers varies too, a bit less than the request count
            double sizeNoise = DeterministicNoise.gaussianAt(noise.bytes(), epochMinute);
            double bytes =
                    Math.max(0.0, requests * profile.bytesPerRequest() * (1.0 + 0.5 * profile.noise() * sizeNoise));
            demands.add(new Demand(replica, stamp, profile, noise, Math.round(requests), Math.round(bytes)));
        }
        return demands;
    }

    private static double busyness(long epochMinute, ZoneId zone) {
        int offsetSeconds = zone.getRules()
                .getOffset(Instant.ofEpochSecond(epochMinute * 60))
                .getTotalSeconds();
        int localMinuteOfDay = (int) Math.floorMod(epochMinute + offsetSeconds / 60, 24 * 60);
        return DailyTrafficShape.busyness(localMinuteOfDay);
    }

    /** Adds one sample per node and returns the pool's hot-node CPU (0 for a pool without nodes). */
    private double poolCpu(
            long epochMinute,
            StampLayout stamp,
            PoolKind pool,
            List<String> nodes,
            double[] work,
            List<NodeCpuSample> samples) {
        long[] streams = nodeNoise(stamp.name(), pool, nodes);
        double hottest = 0.0;
        for (int i = 0; i < nodes.size(); i++) {
            String node = nodes.get(i);
            double wobble = NODE_NOISE_PP * DeterministicNoise.gaussianAt(streams[i], epochMinute);
            double cpu = clamp(physics.cpu(pool, work[i]) + wobble);
            samples.add(new NodeCpuSample(stamp.name(), pool, node, (float) cpu));
            hottest = Math.max(hottest, (float) cpu);
        }
        return hottest;
    }

    private ReplicaTraffic respond(long epochMinute, Demand d, double stampHotCpu) {
        String registry = d.replica.registry();
        String region = d.replica.region();
        long throttled = Math.round(d.requests * ServiceResponse.throttledFraction(stampHotCpu));
        double errorRate = ServiceResponse.inErrorBurst(d.noise.burst(), epochMinute)
                ? ServiceResponse.BURST_ERROR_RATE
                : d.profile.errorRate();
        errorRate += ServiceResponse.saturationErrorRate(seed, d.stamp.name(), epochMinute, stampHotCpu);
        // a fractional expected count becomes 0 or 1 deterministically, so small registries still see rare errors
        double expectedErrors = (d.requests - throttled) * Math.min(1.0, errorRate);
        long errors = (long) expectedErrors
                + (DeterministicNoise.uniformAt(d.noise.errors(), epochMinute) < expectedErrors % 1 ? 1 : 0);
        double latencyNoise = DeterministicNoise.gaussianAt(d.noise.latency(), epochMinute);
        double p99 = d.profile.baseP99LatencyMs()
                * ServiceResponse.latencyFactor(stampHotCpu)
                * Math.max(0.5, 1.0 + 0.05 * latencyNoise);
        if (d.requests == 0) {
            p99 = 0.0;
        }
        return new ReplicaTraffic(registry, region, d.stamp.name(), d.requests, d.bytes, throttled, errors, p99);
    }

    /**
     * In-flight requests of a replica on the stamp it left, {@code secondsAfterCutover} after its cutover, when it
     * was asked for {@code requestsPerMinuteAtCutover}: what the source's load balancer reports while it drains (see {@link SourceDrain}).
     */
    public long inFlightAfterCutover(String registry, double requestsPerMinuteAtCutover, double secondsAfterCutover) {
        TrafficProfile profile = profileByRegistry.get(registry);
        if (profile == null) {
            return 0;
        }
        return SourceDrain.inFlight(
                registry, requestsPerMinuteAtCutover, profile.bytesPerRequest(), secondsAfterCutover);
    }

    /**
     * The world's own account of why a prediction for {@code registry}'s move missed on {@code stamp}'s pool: the
     * largest of the effects the planner's model leaves out, in words (its hidden cost against the fleet's average,
     * its hot keys piling onto a third of the nodes, the destination's cache still warming up when judged).
     */
    public String explainMiss(
            String registry, String stamp, PoolKind pool, boolean destination, long cutoverMinute, long judgedMinute) {
        RegistryCost cost = costByRegistry.get(registry);
        if (cost == null) {
            return "unknown registry " + registry;
        }
        double average = costByRegistry.values().stream()
                .mapToDouble(c -> c.per(pool))
                .average()
                .orElse(1.0);
        double costEffect = cost.per(pool) / average - 1;
        double hotKeys = NodeAffinity.concentration(registry);
        // a 12 h P95 judged at the end still sees the first hours when the window is that short
        long age = Math.max(0, judgedMinute - 12 * 60 - cutoverMinute);
        double warmup = destination ? CacheWarmup.factor(physics, pool, age) - 1 : 0;
        String poolName = pool.name().toLowerCase(java.util.Locale.ROOT);
        if (warmup >= Math.abs(costEffect) && warmup >= hotKeys) {
            return "cache warm-up on " + stamp + " " + poolName;
        }
        if (Math.abs(costEffect) >= hotKeys) {
            return String.format(
                    java.util.Locale.ROOT,
                    "%s costs %.0f %% %s CPU per %s than the fleet's average (%s)",
                    registry,
                    100 * Math.abs(costEffect),
                    costEffect > 0 ? "more" : "less",
                    pool == PoolKind.REGISTRY ? "request" : "byte",
                    pool == PoolKind.REGISTRY
                            ? (cost.manifestFraction() > 0.5 ? "mostly manifest calls" : "mostly blob redirects")
                            : String.format(
                                    java.util.Locale.ROOT, "%.0f %% cache misses", 100 * cost.cacheMissRatio()));
        }
        return String.format(
                java.util.Locale.ROOT,
                "hot keys of %s on a third of %s's %s nodes (%.0f %% of its load)",
                registry,
                stamp,
                poolName,
                100 * NodeAffinity.concentration(registry));
    }

    private static double clamp(double cpu) {
        return Math.max(0.0, Math.min(100.0, cpu));
    }

    private record Demand(
            ReplicaLayout replica,
            StampLayout stamp,
            TrafficProfile profile,
            ReplicaNoise noise,
            long requests,
            long bytes) {}

    private record ReplicaKey(String registry, String region) {}

    /** One replica's noise streams: requests, bytes, error bursts, the odd 5xx, p99 latency. */
    private record ReplicaNoise(long requests, long bytes, long burst, long errors, long latency) {}

    /** One pool's node list by identity (the layout's immutable list, the same minute after minute) and its stamp. */
    private static final class NodesKey {
        private final String stamp;
        private final PoolKind pool;
        private final List<String> nodes;
        private final int hash;

        NodesKey(String stamp, PoolKind pool, List<String> nodes) {
            this.stamp = stamp;
            this.pool = pool;
            this.nodes = nodes;
            this.hash = 31 * (31 * stamp.hashCode() + pool.hashCode()) + System.identityHashCode(nodes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NodesKey other
                    && other.nodes == nodes
                    && other.pool == pool
                    && other.stamp.equals(stamp);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private ReplicaNoise noise(String registry, String region) {
        ReplicaKey key = new ReplicaKey(registry, region);
        ReplicaNoise known = replicaNoise.get(key);
        if (known == null) {
            known = new ReplicaNoise(
                    DeterministicNoise.stream(seed, registry, region),
                    DeterministicNoise.stream(seed, registry, region + "/bytes"),
                    ServiceResponse.burstStream(seed, registry, region),
                    DeterministicNoise.stream(seed, registry, region + "/5xx"),
                    DeterministicNoise.stream(seed, registry, region + "/p99"));
            if (replicaNoise.size() >= REMEMBERED) {
                replicaNoise.clear();
            }
            replicaNoise.put(key, known);
        }
        return known;
    }

    /**
     * The wobble streams of a pool's nodes, in the order of {@code nodes}. Remembered by the list's identity only when
     * it is immutable (the layout's always is): a list its owner may still change is hashed afresh.
     */
    private long[] nodeNoise(String stamp, PoolKind pool, List<String> nodes) {
        boolean immutable = List.copyOf(nodes) == nodes;
        NodesKey key = new NodesKey(stamp, pool, nodes);
        long[] known = immutable ? nodeNoise.get(key) : null;
        if (known == null) {
            String prefix = pool.name() + '/';
            known = new long[nodes.size()];
            for (int i = 0; i < known.length; i++) {
                known[i] = DeterministicNoise.stream(seed, stamp, prefix + nodes.get(i));
            }
            if (immutable) {
                if (nodeNoise.size() >= REMEMBERED) {
                    nodeNoise.clear();
                }
                nodeNoise.put(key, known);
            }
        }
        return known;
    }

    /**
     * A look-up whose key the model put there itself (every stamp and registry of the layout has its entry); a
     * missing one is a bug in the model, said as such rather than as a NullPointerException further on.
     */
    private static <K, V> V known(Map<K, V> map, K key) {
        V value = map.get(key);
        if (value == null) {
            throw new IllegalStateException("the traffic model has no entry for " + key);
        }
        return value;
    }
}
