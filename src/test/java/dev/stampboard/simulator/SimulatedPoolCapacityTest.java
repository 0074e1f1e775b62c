package dev.stampboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.fleet.PoolKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedPoolCapacityTest {

    @Test
    void a_scale_in_removes_the_newest_nodes() {
        assertThat(SimulatedPoolCapacity.resized(
                        PoolKind.DATAPROXY, List.of("dp-002", "dp-000", "dp-003", "dp-001"), 2))
                .containsExactly("dp-000", "dp-001");
    }

    @Test
    void a_scale_out_adds_nodes_under_the_next_free_names() {
        assertThat(SimulatedPoolCapacity.resized(PoolKind.REGISTRY, List.of("rg-000", "rg-002"), 4))
                .containsExactly("rg-000", "rg-002", "rg-001", "rg-003");
    }

    @Test
    void the_same_size_again_is_the_same_nodes() {
        List<String> nodes = List.of("dp-000", "dp-001", "dp-002");
        assertThat(SimulatedPoolCapacity.resized(PoolKind.DATAPROXY, nodes, 3)).isEqualTo(nodes);
    }
}
