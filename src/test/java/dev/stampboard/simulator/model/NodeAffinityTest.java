package dev.stampboard.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.fleet.PoolKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The hot-key subset is remembered between minutes; it must stay the rendezvous choice whatever callers do. */
class NodeAffinityTest {

    /** The rendezvous choice computed here, independently: the k nodes whose hash of (registry, node) is lowest. */
    private static int[] lowestHashes(List<String> nodes, String stamp, String pool, String registry) {
        int k = Math.min(nodes.size(), Math.max(2, (nodes.size() + 2) / 3));
        return IntStream.range(0, nodes.size())
                .boxed()
                .sorted(Comparator.comparingLong(
                        i -> DeterministicNoise.hash(0xAFF1, registry, stamp + '/' + pool + '/' + nodes.get(i), 0)))
                .limit(k)
                .mapToInt(Integer::intValue)
                .toArray();
    }

    @Test
    void the_same_question_asked_again_gets_the_rendezvous_answer_every_time() {
        List<String> nodes = NodeNames.nodes(PoolKind.DATAPROXY, 12);
        for (String registry : List.of("a.azurecr.io", "b.azurecr.io", "c.azurecr.io")) {
            int[] expected = lowestHashes(nodes, "s1", "DATAPROXY", registry);
            assertThat(NodeAffinity.subset(nodes, "s1", "DATAPROXY", registry)).containsExactly(expected);
            assertThat(NodeAffinity.subset(nodes, "s1", "DATAPROXY", registry)).containsExactly(expected);
        }
    }

    @Test
    void a_caller_that_changes_its_answer_or_its_node_list_changes_no_later_answer() {
        List<String> nodes = new ArrayList<>(NodeNames.nodes(PoolKind.REGISTRY, 9));
        int[] first = NodeAffinity.subset(nodes, "s7", "REGISTRY", "mutable.azurecr.io");
        int[] kept = first.clone();
        Arrays.fill(first, 0);
        assertThat(NodeAffinity.subset(nodes, "s7", "REGISTRY", "mutable.azurecr.io"))
                .containsExactly(kept);

        // the pool grows by three nodes: the question is a new one, with its own answer
        List<String> before = List.copyOf(nodes);
        nodes.addAll(NodeNames.nodes(PoolKind.REGISTRY, 12).subList(9, 12));
        assertThat(NodeAffinity.subset(nodes, "s7", "REGISTRY", "mutable.azurecr.io"))
                .containsExactly(lowestHashes(nodes, "s7", "REGISTRY", "mutable.azurecr.io"));
        assertThat(NodeAffinity.subset(before, "s7", "REGISTRY", "mutable.azurecr.io"))
                .containsExactly(kept);
    }

    @Test
    void spreading_work_puts_the_concentrated_part_on_the_remembered_subset() {
        List<String> nodes = NodeNames.nodes(PoolKind.DATAPROXY, 6);
        String registry = "spread.azurecr.io";
        double c = NodeAffinity.concentration(registry);
        int[] subset = lowestHashes(nodes, "s3", "DATAPROXY", registry);
        for (int round = 0; round < 2; round++) {
            double[] work = new double[6];
            NodeAffinity.spread(work, nodes, "s3", "DATAPROXY", registry, 600);
            for (int i = 0; i < 6; i++) {
                int node = i;
                boolean hot = Arrays.stream(subset).anyMatch(s -> s == node);
                assertThat(work[i]).isEqualTo(600 * (1 - c) / 6 + (hot ? 600 * c / subset.length : 0), within());
            }
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
