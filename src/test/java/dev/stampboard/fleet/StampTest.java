package dev.stampboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StampTest {

    private static Stamp provisioning() {
        return Stamp.create("eus-d01", "eastus", StampKind.DEDICATED, StampStatus.PROVISIONING, Instant.EPOCH);
    }

    @Test
    void walks_provisioning_active_draining_retired() {
        Stamp stamp = provisioning();
        stamp.activate();
        assertThat(stamp.status()).isEqualTo(StampStatus.ACTIVE);
        stamp.startDraining();
        assertThat(stamp.status()).isEqualTo(StampStatus.DRAINING);
        stamp.retire();
        assertThat(stamp.status()).isEqualTo(StampStatus.RETIRED);
    }

    @Test
    void refuses_transitions_out_of_order() {
        Stamp stamp = provisioning();
        assertThatThrownBy(stamp::startDraining)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PROVISIONING");
        assertThatThrownBy(stamp::retire).isInstanceOf(IllegalStateException.class);
        stamp.activate();
        assertThatThrownBy(stamp::activate)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ACTIVE");
    }

    @Test
    void declaring_a_pool_again_adds_nodes_and_keeps_the_old_ones() {
        Stamp stamp = provisioning();
        stamp.declarePool(PoolKind.DATAPROXY, List.of("dp-000", "dp-001"), 2);
        stamp.declarePool(PoolKind.DATAPROXY, List.of("dp-001", "dp-002"), null);
        PoolInfo pool = stamp.toInfo().pool(PoolKind.DATAPROXY).orElseThrow();
        assertThat(pool.nodes()).containsExactly("dp-000", "dp-001", "dp-002");
        assertThat(pool.currentInstances()).isEqualTo(3);
        assertThat(pool.minInstances()).isEqualTo(2);
        assertThat(stamp.toInfo().pool(PoolKind.REGISTRY)).isEmpty();
    }

    @Test
    void a_negative_minimum_is_refused() {
        Stamp stamp = provisioning();
        assertThatThrownBy(() -> stamp.declarePool(PoolKind.REGISTRY, List.of("rg-000"), -1))
                .isInstanceOf(dev.stampboard.base.InvalidInputException.class);
    }
}
