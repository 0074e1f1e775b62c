package dev.stampboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.fleet.PoolInfo;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampKind;
import dev.stampboard.fleet.StampStateChange;
import dev.stampboard.fleet.StampStateTimeline;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.simulator.model.FleetLayout;
import dev.stampboard.simulator.model.FleetTrafficModel;
import dev.stampboard.simulator.model.MinuteSnapshot;
import dev.stampboard.simulator.model.NodeCpuSample;
import dev.stampboard.simulator.model.NodeNames;
import dev.stampboard.simulator.model.ReplicaLayout;
import dev.stampboard.simulator.model.Scenario;
import dev.stampboard.simulator.model.Scenarios;
import dev.stampboard.simulator.model.StampLayout;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: the simulator generates a minute with the stamps, their status and their pool nodes as the stored
 * history says they were then, so an instance that ticked through a resize, a provisioning and a retirement and
 * instances started after them (back-filling minutes before and after each change, on today's inventory) show the
 * same node CPU for every minute and every node. Plain Java: simulator worlds (each its own model and
 * {@link StoredStamps}) over one list standing for the stored history. Which nodes each minute must have is worked out
 * here from the minutes the changes were written in (a change written in minute m counts from m + 1).
 */
class StoredStampsTest {

    private static final Scenario SEED = Scenarios.seed();
    private static final long WORLD_SEED = 7;
    /** A weekday, 10:00 in New York: the seed's eastus stamps are busy. */
    private static final long START = Instant.parse("2026-12-01T15:00:00Z").getEpochSecond() / 60;

    private static final long DECLARED = START - 3 * 1440;
    /** eus-s03's registry pool grows from 12 to 14 nodes. */
    private static final long SCALED_OUT = START + 40;
    /** A dedicated stamp is declared PROVISIONING, then activated. */
    private static final long PROVISIONED = START + 70;

    private static final long ACTIVATED = START + 100;
    /** eus-s05's dataproxy pool shrinks from 12 to 10 nodes. */
    private static final long SCALED_IN = START + 130;
    /** weu-s03 drains, then retires. */
    private static final long DRAINED = START + 160;

    private static final long RETIRED = START + 190;
    private static final long END = START + 240;

    private static final String GROWN = "eus-s03";
    private static final String SHRUNK = "eus-s05";
    private static final String DEDICATED = "eus-d01";
    private static final String RETIRING = "weu-s03";

    private final Map<String, StampLayout> seedStamps = new LinkedHashMap<>();
    private final Map<String, ZoneId> zones = new HashMap<>();
    private final List<ReplicaLayout> replicas = SEED.initialLayout().replicas();

    /** The stored history every instance reads; appended to as changes commit. */
    private final List<StampStateChange> store = new ArrayList<>();

    StoredStampsTest() {
        SEED.initialLayout().stamps().forEach(s -> seedStamps.put(s.name(), s));
        SEED.regions().forEach(r -> zones.put(r.name(), r.zone()));
    }

    /** One console instance's simulator: its own model and stored stamps, reading the shared store. */
    private final class Instance {
        final FleetTrafficModel model = new FleetTrafficModel(SEED, WORLD_SEED);
        final StoredStamps stamps = new StoredStamps(this::read);
        int reads;

        private StampStateTimeline read() {
            reads++;
            return new StampStateTimeline(List.copyOf(store));
        }

        MinuteSnapshot minute(List<StampInfo> inventory, long minute) {
            return model.minute(minute, new FleetLayout(stamps.reporting(inventory, zones, minute), replicas));
        }
    }

    @Test
    void
            instances_started_after_a_resize_a_provisioning_and_a_retirement_generate_every_minute_as_the_one_that_ran_through_them() {
        seedStamps.values().forEach(s -> write(s.name(), s.status(), s.registryNodes(), s.dataproxyNodes(), DECLARED));
        Instance ran = new Instance();
        Map<Long, MinuteSnapshot> ranThrough = new HashMap<>();
        for (long m = START; m <= END; m++) {
            ranThrough.put(m, ran.minute(inventory(), m));
            // each change is written while minute m is the clock's, after that minute was generated
            writeChangesOf(m);
        }
        assertThat(ran.reads)
                .as("read at start and once after each of the six changes")
                .isEqualTo(7);

        int compared = 0;
        long[] backfillsFrom = {
            START,
            SCALED_OUT,
            SCALED_OUT + 1,
            PROVISIONED + 5,
            ACTIVATED + 1,
            SCALED_IN - 3,
            DRAINED + 10,
            RETIRED + 1,
            END - 5
        };
        for (long from : backfillsFrom) {
            // started later, on today's inventory
            Instance started = new Instance();
            for (long m = from; m <= END; m++) {
                Map<String, Float> late = cpu(started.minute(inventory(), m));
                Map<String, Float> through = cpu(ranThrough.get(m));
                assertThat(differences(late, through))
                        .as("nodes the instance back-filling from %d shows otherwise in minute %d", from, m)
                        .isEmpty();
                assertThat(unexpected(through.keySet(), expectedNodes(m)))
                        .as("nodes of minute %d", m)
                        .isEmpty();
                compared += late.size();
            }
            assertThat(started.reads).as("the history is read once at start").isEqualTo(1);
        }
        assertThat(compared).as("node minutes compared").isGreaterThan(9 * 20 * 200);

        // the draining stamp serves nobody, its nodes still report; retired, it is silent
        assertThat(trafficOn(ranThrough.get(DRAINED), RETIRING)).isPositive();
        assertThat(trafficOn(ranThrough.get(DRAINED + 1), RETIRING)).isZero();
        // the grown pool's new nodes work: the same load spread over more nodes
        assertThat(hottest(ranThrough.get(SCALED_OUT + 1), GROWN, PoolKind.REGISTRY))
                .isLessThan(hottest(ranThrough.get(SCALED_OUT), GROWN, PoolKind.REGISTRY));
    }

    /**
     * The nodes minute {@code m} must have, from the seed and the minutes the changes were written in, worked out
     * without the code under test.
     */
    private Set<String> expectedNodes(long m) {
        Set<String> nodes = new HashSet<>();
        for (StampLayout s : seedStamps.values()) {
            if (s.name().equals(RETIRING) && m > RETIRED) {
                continue;
            }
            List<String> registry = s.name().equals(GROWN) && m > SCALED_OUT
                    ? NodeNames.nodes(PoolKind.REGISTRY, 14)
                    : s.registryNodes();
            List<String> dataproxy = s.name().equals(SHRUNK) && m > SCALED_IN
                    ? NodeNames.nodes(PoolKind.DATAPROXY, 10)
                    : s.dataproxyNodes();
            registry.forEach(n -> nodes.add(s.name() + "/REGISTRY/" + n));
            dataproxy.forEach(n -> nodes.add(s.name() + "/DATAPROXY/" + n));
        }
        if (m > ACTIVATED) {
            NodeNames.nodes(PoolKind.REGISTRY, 4).forEach(n -> nodes.add(DEDICATED + "/REGISTRY/" + n));
            NodeNames.nodes(PoolKind.DATAPROXY, 6).forEach(n -> nodes.add(DEDICATED + "/DATAPROXY/" + n));
        }
        return nodes;
    }

    @Test
    void a_change_counts_from_the_minute_after_it_was_written_and_only_the_last_of_a_minute() {
        StampLayout grown = seedStamps.get(GROWN);
        write(GROWN, StampStatus.ACTIVE, grown.registryNodes(), grown.dataproxyNodes(), DECLARED);
        Instance instance = new Instance();
        List<String> more = NodeNames.nodes(PoolKind.REGISTRY, 14);
        // resized and resized back within one minute: no minute is generated with the larger pool
        write(GROWN, StampStatus.ACTIVE, more, grown.dataproxyNodes(), SCALED_OUT);
        write(GROWN, StampStatus.ACTIVE, grown.registryNodes(), grown.dataproxyNodes(), SCALED_OUT);
        assertThat(registryNodes(instance, SCALED_OUT + 1)).isEqualTo(grown.registryNodes());
        write(GROWN, StampStatus.ACTIVE, more, grown.dataproxyNodes(), SCALED_IN);
        assertThat(registryNodes(instance, SCALED_IN))
                .as("the minute it was written in")
                .isEqualTo(grown.registryNodes());
        assertThat(registryNodes(instance, SCALED_IN + 1)).isEqualTo(more);
        assertThat(registryNodes(new Instance(), SCALED_IN - 1)).isEqualTo(grown.registryNodes());
        // before its first entry a stamp does not exist
        assertThat(new Instance().stamps.reporting(inventory(), zones, DECLARED))
                .isEmpty();
        // declared by another instance, not in this one's inventory yet: from the history
        write(DEDICATED, StampStatus.ACTIVE, List.of("n1"), List.of("n2"), ACTIVATED);
        assertThat(new Instance().stamps.reporting(List.of(), zones, ACTIVATED + 1))
                .extracting(StampLayout::name)
                .containsExactly(DEDICATED, GROWN);
        // a stamp without any history: as the inventory has it
        StampInfo unknown = new StampInfo(
                "weu-x01",
                "westeurope",
                StampKind.SHARED,
                StampStatus.ACTIVE,
                List.of(pool(PoolKind.REGISTRY, List.of("r1")), pool(PoolKind.DATAPROXY, List.of("d1"))),
                List.of());
        assertThat(new Instance().stamps.reporting(List.of(unknown), zones, DECLARED))
                .containsExactly(new StampLayout(
                        "weu-x01",
                        "westeurope",
                        zones.get("westeurope"),
                        StampKind.SHARED,
                        StampStatus.ACTIVE,
                        List.of("r1"),
                        List.of("d1")));
    }

    @Test
    void the_history_is_read_on_when_the_inventory_shows_a_change_it_does_not_have_once_per_inventory() {
        StampLayout grown = seedStamps.get(GROWN);
        write(GROWN, StampStatus.ACTIVE, grown.registryNodes(), grown.dataproxyNodes(), DECLARED);
        Instance instance = new Instance();
        List<StampInfo> before = inventory();
        instance.minute(before, START);
        write(GROWN, StampStatus.ACTIVE, NodeNames.nodes(PoolKind.REGISTRY, 14), grown.dataproxyNodes(), START);
        instance.minute(before, START + 1);
        assertThat(instance.reads).as("the inventory did not change").isEqualTo(1);
        List<StampInfo> after = inventory();
        instance.minute(after, START + 1);
        instance.minute(after, START + 2);
        assertThat(instance.reads).as("read on once for the new inventory").isEqualTo(2);
        // a stale inventory (behind the history) is compared once, not for every minute
        write(GROWN, StampStatus.ACTIVE, grown.registryNodes(), grown.dataproxyNodes(), START + 2);
        instance.stamps.readOnSoon(1_000_000_000L);
        instance.minute(after, START + 3);
        instance.minute(after, START + 4);
        assertThat(instance.reads).isEqualTo(3);
        assertThat(registryNodes(instance, START + 3)).isEqualTo(grown.registryNodes());
    }

    private List<String> registryNodes(Instance instance, long minute) {
        return instance.stamps.reporting(inventory(), zones, minute).stream()
                .filter(s -> s.name().equals(GROWN))
                .findFirst()
                .orElseThrow()
                .registryNodes();
    }

    private void writeChangesOf(long m) {
        StampLayout grown = seedStamps.get(GROWN);
        StampLayout shrunk = seedStamps.get(SHRUNK);
        StampLayout retiring = seedStamps.get(RETIRING);
        List<String> dedicatedRegistry = NodeNames.nodes(PoolKind.REGISTRY, 4);
        List<String> dedicatedDataproxy = NodeNames.nodes(PoolKind.DATAPROXY, 6);
        if (m == SCALED_OUT) {
            write(GROWN, StampStatus.ACTIVE, NodeNames.nodes(PoolKind.REGISTRY, 14), grown.dataproxyNodes(), m);
        } else if (m == PROVISIONED) {
            write(DEDICATED, StampStatus.PROVISIONING, dedicatedRegistry, dedicatedDataproxy, m);
        } else if (m == ACTIVATED) {
            write(DEDICATED, StampStatus.ACTIVE, dedicatedRegistry, dedicatedDataproxy, m);
        } else if (m == SCALED_IN) {
            write(SHRUNK, StampStatus.ACTIVE, shrunk.registryNodes(), NodeNames.nodes(PoolKind.DATAPROXY, 10), m);
        } else if (m == DRAINED) {
            write(RETIRING, StampStatus.DRAINING, retiring.registryNodes(), retiring.dataproxyNodes(), m);
        } else if (m == RETIRED) {
            write(RETIRING, StampStatus.RETIRED, retiring.registryNodes(), retiring.dataproxyNodes(), m);
        }
    }

    private void write(String stamp, StampStatus status, List<String> registry, List<String> dataproxy, long minute) {
        StampLayout seed = seedStamps.get(stamp);
        store.add(new StampStateChange(
                store.size() + 1,
                stamp,
                seed == null ? "eastus" : seed.region(),
                seed == null ? StampKind.DEDICATED : seed.kind(),
                status,
                registry.stream().sorted().toList(),
                dataproxy.stream().sorted().toList(),
                // some seconds into the minute: the minute, not the instant, decides
                Instant.ofEpochSecond(minute * 60 + 17)));
    }

    /** The inventory as committed now: each stamp as its last change left it (a new list each time). */
    private List<StampInfo> inventory() {
        Map<String, StampStateChange> last = new LinkedHashMap<>();
        store.forEach(c -> last.put(c.stamp(), c));
        return last.values().stream()
                .map(c -> new StampInfo(
                        c.stamp(),
                        c.region(),
                        c.kind(),
                        c.status(),
                        List.of(
                                pool(PoolKind.DATAPROXY, c.dataproxyNodes()),
                                pool(PoolKind.REGISTRY, c.registryNodes())),
                        List.of()))
                .toList();
    }

    private static PoolInfo pool(PoolKind kind, List<String> nodes) {
        return new PoolInfo(kind, nodes.size(), 0, nodes.stream().sorted().toList(), null);
    }

    private static long trafficOn(MinuteSnapshot snapshot, String stamp) {
        return snapshot.traffic().stream()
                .filter(t -> t.stamp().equals(stamp))
                .mapToLong(t -> t.requests())
                .sum();
    }

    private static double hottest(MinuteSnapshot snapshot, String stamp, PoolKind pool) {
        return snapshot.nodeCpu().stream()
                .filter(s -> s.stamp().equals(stamp) && s.pool() == pool)
                .mapToDouble(NodeCpuSample::cpu)
                .max()
                .orElseThrow();
    }

    /** Nodes only one side has, each with the side it is on. */
    private static List<String> unexpected(Set<String> nodes, Set<String> expected) {
        List<String> differ = new ArrayList<>();
        nodes.stream().filter(n -> !expected.contains(n)).sorted().forEach(n -> differ.add(n + " not expected"));
        expected.stream().filter(n -> !nodes.contains(n)).sorted().forEach(n -> differ.add(n + " missing"));
        return differ;
    }

    private static List<String> differences(Map<String, Float> later, Map<String, Float> ranThrough) {
        List<String> differ = new ArrayList<>(unexpected(later.keySet(), ranThrough.keySet()));
        ranThrough.forEach((node, cpu) -> {
            Float other = later.get(node);
            if (other != null && !cpu.equals(other)) {
                differ.add(node + " " + other + " (ran through: " + cpu + ")");
            }
        });
        return differ;
    }

    private static Map<String, Float> cpu(MinuteSnapshot snapshot) {
        Map<String, Float> cpu = new HashMap<>();
        snapshot.nodeCpu().forEach(s -> cpu.put(s.stamp() + "/" + s.pool() + "/" + s.node(), s.cpu()));
        return cpu;
    }
}
