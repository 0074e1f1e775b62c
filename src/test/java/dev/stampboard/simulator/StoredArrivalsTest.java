package dev.stampboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stampboard.fleet.HomeStampChange;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.ReplicaInfo;
import dev.stampboard.simulator.model.FleetLayout;
import dev.stampboard.simulator.model.FleetTrafficModel;
import dev.stampboard.simulator.model.MinuteSnapshot;
import dev.stampboard.simulator.model.NodeCpuSample;
import dev.stampboard.simulator.model.ReplicaLayout;
import dev.stampboard.simulator.model.Scenario;
import dev.stampboard.simulator.model.ScenarioRegistry;
import dev.stampboard.simulator.model.ScenarioStamp;
import dev.stampboard.simulator.model.Scenarios;
import dev.stampboard.simulator.model.StampLayout;
import dev.stampboard.simulator.model.WorldPhysics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the simulator's cache warm-up after a cutover is the same on an instance that ticked through the cutover
 * and on one started after it, because both take the arrival from the stored home-stamp history. Plain Java: two
 * simulator worlds (each its own model and {@link StoredArrivals}) over one list standing for the stored history.
 * The warm-up each must show is worked out here from the README's half-lives (90 min on dataproxy, 45 on registry).
 */
class StoredArrivalsTest {

    private static final Scenario SEED = Scenarios.seed();
    private static final long WORLD_SEED = 7;
    /** A weekday, 10:00 in New York: the seed's eastus stamps are busy. */
    private static final long CUTOVER = Instant.parse("2026-12-01T15:00:00Z").getEpochSecond() / 60;

    private static final long PLACED = CUTOVER - 3 * 1440;
    private static final int AFTER = 360;

    private final ScenarioRegistry registry = SEED.registries().get(0);
    private final String region =
            registry.homeStampByRegion().keySet().iterator().next();
    private final String source = registry.homeStampByRegion().get(region);
    private final String destination = SEED.stamps().stream()
            .filter(s -> s.region().equals(region) && !s.name().equals(source))
            .map(ScenarioStamp::name)
            .findFirst()
            .orElseThrow();
    private final List<StampLayout> stamps = SEED.initialLayout().stamps();
    private final Set<String> serving =
            stamps.stream().map(StampLayout::name).collect(java.util.stream.Collectors.toSet());

    /** The stored history both instances read; appended to as the cutover commits. */
    private final List<HomeStampChange> store = new ArrayList<>();

    /** One console instance's simulator: its own model and arrivals, reading the shared store. */
    private final class Instance {
        final FleetTrafficModel model = new FleetTrafficModel(SEED, WORLD_SEED);
        final StoredArrivals arrivals = new StoredArrivals(this::read);
        int reads;

        private StoredArrivals.History read() {
            reads++;
            List<HomeStampChange> stored = List.copyOf(store);
            return (registry, region) -> stored.stream()
                    .filter(c -> c.registry().equals(registry) && c.region().equals(region))
                    .sorted(Comparator.comparing(HomeStampChange::changedAt))
                    .toList();
        }

        FleetLayout layout(String home, long minute) {
            return layout(home, minute, serving);
        }

        FleetLayout layout(String home, long minute, Set<String> serving) {
            return new FleetLayout(stamps, arrivals.replicas(inventory(home), serving, minute));
        }
    }

    @Test
    void an_instance_started_after_a_cutover_warms_the_destination_as_the_one_that_ran_through_it() {
        store.add(change(null, source, PLACED));
        Instance ran = new Instance();
        Map<Long, MinuteSnapshot> ranThrough = new HashMap<>();
        for (long m = CUTOVER - 30; m <= CUTOVER + AFTER; m++) {
            String home = m <= CUTOVER ? source : destination;
            ranThrough.put(m, ran.model.minute(m, ran.layout(home, m)));
            if (m == CUTOVER) {
                // the executor's write while minute CUTOVER is the clock's: that minute was generated on the source
                store.add(change(source, destination, CUTOVER));
            }
        }
        // started later on today's inventory, its back-fill beginning before the cutover or after it
        FleetTrafficModel reference = new FleetTrafficModel(SEED, WORLD_SEED);
        int compared = 0;
        for (long backfillFrom : new long[] {CUTOVER - 30, CUTOVER + 60}) {
            Instance started = new Instance();
            for (long m = backfillFrom; m <= CUTOVER + AFTER; m++) {
                FleetLayout layout = started.layout(destination, m);
                MinuteSnapshot late = started.model.minute(m, layout);
                assertThat(differences(cpu(late), cpu(ranThrough.get(m))))
                        .as("nodes the instance back-filling from %d shows otherwise in minute %d", backfillFrom, m)
                        .isEmpty();
                if (m <= CUTOVER) {
                    assertThat(layout.replicas().get(0).homeStamp()).isEqualTo(source);
                    continue;
                }
                assertThat(layout.replicas().get(0).arrivedMinute()).isEqualTo(CUTOVER + 1);
                compared += checkWarmup(reference, late, m - (CUTOVER + 1));
            }
            // the history is read once at start (and again only when the inventory shows a change it has not read)
            assertThat(started.reads).isEqualTo(1);
        }
        assertThat(compared).as("destination nodes compared").isGreaterThan(AFTER * 8);
        // the half-lives worked with above are the world's
        assertThat(WorldPhysics.DEFAULT.warmupExtra()).isEqualTo(0.5);
        assertThat(WorldPhysics.DEFAULT.warmupHalfLifeMinutes()).isEqualTo(90.0);
        assertThat(ran.reads).as("reads at start and after the cutover").isEqualTo(2);
    }

    /**
     * The destination's work over what it does without the replica, against its work with warm caches, on each of its
     * nodes: the warm-up factor worked out here. Returns how many nodes were compared.
     */
    private int checkWarmup(FleetTrafficModel reference, MinuteSnapshot late, long age) {
        long m = late.minute();
        Map<String, Float> idle = cpu(reference.minute(m, new FleetLayout(stamps, replica(source))));
        Map<String, Float> warm = cpu(reference.minute(m, new FleetLayout(stamps, replica(destination))));
        int compared = 0;
        for (NodeCpuSample s : late.nodeCpu()) {
            String key = key(s);
            double added = warm.get(key) - idle.get(key);
            if (!s.stamp().equals(destination) || added < 1.0 || s.cpu() >= 100f) {
                continue;
            }
            double expected = s.pool() == PoolKind.DATAPROXY
                    ? 1 + 0.5 * Math.pow(0.5, age / 90.0)
                    : 1 + 0.5 * 0.3 * Math.pow(0.5, age / 45.0);
            assertThat((s.cpu() - idle.get(key)) / added)
                    .as("%s at %d minutes", key, age)
                    .isCloseTo(expected, within(2e-3));
            compared++;
        }
        return compared;
    }

    @Test
    void a_first_placement_is_warm_a_move_back_arrives_again_and_a_move_counts_from_the_minute_after_it_was_written() {
        store.add(change(null, source, PLACED));
        Instance instance = new Instance();
        assertThat(arrival(instance, source, PLACED + 10)).isEqualTo(ReplicaLayout.ALWAYS);
        // a move rolled back within one minute: no generated minute had it elsewhere
        store.add(change(source, destination, PLACED + 20));
        store.add(change(destination, source, PLACED + 20));
        assertThat(arrival(instance, source, PLACED + 30)).isEqualTo(ReplicaLayout.ALWAYS);
        assertThat(arrival(new Instance(), source, PLACED + 30)).isEqualTo(ReplicaLayout.ALWAYS);

        store.add(change(source, destination, CUTOVER));
        // the inventory may show the move in the minute it was written (written before the minute was generated):
        // that minute is still generated on the source, on every instance
        assertThat(instance.layout(destination, CUTOVER).replicas().get(0))
                .isEqualTo(new ReplicaLayout(registry.name(), region, source, ReplicaLayout.ALWAYS));
        assertThat(arrival(instance, destination, CUTOVER + 1)).isEqualTo(CUTOVER + 1);

        store.add(change(destination, source, CUTOVER + 200));
        assertThat(arrival(instance, source, CUTOVER + 250)).isEqualTo(CUTOVER + 201);
        // an instance started later reads the same
        assertThat(arrival(new Instance(), source, CUTOVER + 250)).isEqualTo(CUTOVER + 201);
        // a minute before the cutover is generated on the stamp the replica was on then, with its arrival then
        FleetLayout before = new Instance().layout(source, CUTOVER - 10);
        assertThat(before.replicas().get(0).homeStamp()).isEqualTo(source);
        assertThat(before.replicas().get(0).arrivedMinute()).isEqualTo(ReplicaLayout.ALWAYS);
        assertThat(new Instance().layout(source, CUTOVER + 150).replicas().get(0))
                .isEqualTo(new ReplicaLayout(registry.name(), region, destination, CUTOVER + 1));
        // a stored home that serves no more (retired since): the inventory's home, with its stored arrival
        assertThat(new Instance()
                        .layout(source, CUTOVER + 150, Set.of(source))
                        .replicas()
                        .get(0))
                .isEqualTo(new ReplicaLayout(registry.name(), region, source, CUTOVER + 201));
    }

    /**
     * Another instance's cutover, before this instance's inventory followed it: the minute after it is generated on
     * the destination once the history was read on as the clock moved (the inventory still shows the source).
     */
    @Test
    void a_cutover_the_inventory_has_not_followed_yet_counts_once_the_clock_moves() {
        store.add(change(null, source, PLACED));
        Instance follower = new Instance();
        assertThat(follower.layout(source, CUTOVER).replicas().get(0).homeStamp())
                .isEqualTo(source);
        store.add(change(source, destination, CUTOVER));
        assertThat(follower.layout(source, CUTOVER + 1).replicas().get(0).homeStamp())
                .as("not read on: the inventory agrees with the history read so far")
                .isEqualTo(source);

        long now = 1_000_000_000L;
        follower.arrivals.readOnSoon(now);
        assertThat(follower.layout(source, CUTOVER + 1).replicas().get(0))
                .isEqualTo(new ReplicaLayout(registry.name(), region, destination, CUTOVER + 1));
        assertThat(follower.reads).isEqualTo(2);
        // the inventory has followed by now
        follower.arrivals.readOnSoon(now + StoredArrivals.FRESH_NANOS - 1);
        follower.layout(destination, CUTOVER + 2);
        assertThat(follower.reads).as("read on a few times a second at most").isEqualTo(2);
        follower.arrivals.readOnSoon(now + StoredArrivals.FRESH_NANOS);
        follower.layout(destination, CUTOVER + 3);
        assertThat(follower.reads).isEqualTo(3);
    }

    /**
     * A history beginning with a move rolled back within its minute (no first placement stored): the replica stays warm
     * where it was, on its stored home and, when that serves no more, on its inventory home. One walk answers both
     * (until session 13 the second was a walk of its own that took the rollback for an arrival).
     */
    @Test
    void a_move_rolled_back_in_the_first_minute_of_the_history_leaves_the_replica_warm_on_both_paths() {
        store.add(change(source, destination, CUTOVER));
        store.add(change(destination, source, CUTOVER));
        Instance instance = new Instance();
        assertThat(instance.layout(source, CUTOVER + 10).replicas().get(0))
                .isEqualTo(new ReplicaLayout(registry.name(), region, source, ReplicaLayout.ALWAYS));
        assertThat(instance.layout(source, CUTOVER + 10, Set.of(destination))
                        .replicas()
                        .get(0))
                .as("the stored home not serving: the inventory's, with its stored arrival")
                .isEqualTo(new ReplicaLayout(registry.name(), region, source, ReplicaLayout.ALWAYS));
    }

    private long arrival(Instance instance, String home, long minute) {
        return instance.layout(home, minute).replicas().get(0).arrivedMinute();
    }

    private List<RegistryInfo> inventory(String home) {
        return List.of(new RegistryInfo(registry.name(), registry.customer(), List.of(new ReplicaInfo(region, home))));
    }

    private List<ReplicaLayout> replica(String home) {
        return List.of(new ReplicaLayout(registry.name(), region, home, ReplicaLayout.ALWAYS));
    }

    private HomeStampChange change(@org.jspecify.annotations.Nullable String from, String to, long minute) {
        return new HomeStampChange(
                (long) store.size() + 1,
                registry.name(),
                region,
                from,
                Objects.requireNonNull(to),
                Instant.ofEpochSecond(minute * 60),
                from == null ? "registry declared" : "cutover");
    }

    private static Map<String, Float> cpu(MinuteSnapshot snapshot) {
        Map<String, Float> cpu = new HashMap<>();
        snapshot.nodeCpu().forEach(s -> cpu.put(key(s), s.cpu()));
        return cpu;
    }

    private static List<String> differences(Map<String, Float> later, Map<String, Float> ranThrough) {
        List<String> differ = new ArrayList<>();
        ranThrough.forEach((node, cpu) -> {
            if (!cpu.equals(later.get(node))) {
                differ.add(node + " " + later.get(node) + " (ran through: " + cpu + ")");
            }
        });
        later.keySet().stream()
                .filter(node -> !ranThrough.containsKey(node))
                .forEach(node -> differ.add(node + " only later"));
        return differ;
    }

    private static String key(NodeCpuSample s) {
        return s.stamp() + "/" + s.pool() + "/" + s.node();
    }
}
