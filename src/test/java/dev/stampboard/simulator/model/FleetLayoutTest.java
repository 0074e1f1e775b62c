package dev.stampboard.simulator.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampboard.fleet.StampKind;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetLayoutTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void rejects_a_replica_with_two_home_stamps() {
        StampLayout a =
                new StampLayout("eus-s01", "eastus", NEW_YORK, StampKind.SHARED, List.of("rg-000"), List.of("dp-000"));
        StampLayout b =
                new StampLayout("eus-s02", "eastus", NEW_YORK, StampKind.SHARED, List.of("rg-000"), List.of("dp-000"));
        assertThatThrownBy(() -> new FleetLayout(
                        List.of(a, b),
                        List.of(
                                new ReplicaLayout("contoso.azurecr.io", "eastus", "eus-s01"),
                                new ReplicaLayout("contoso.azurecr.io", "eastus", "eus-s02"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contoso.azurecr.io");
    }

    @Test
    void rejects_a_stamp_listed_twice() {
        StampLayout a =
                new StampLayout("eus-s01", "eastus", NEW_YORK, StampKind.SHARED, List.of("rg-000"), List.of("dp-000"));
        assertThatThrownBy(() -> new FleetLayout(List.of(a, a), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eus-s01");
    }

    @Test
    void rejects_a_node_name_twice_in_one_pool() {
        assertThatThrownBy(() -> new StampLayout(
                        "eus-s01",
                        "eastus",
                        NEW_YORK,
                        StampKind.SHARED,
                        List.of("rg-000", "rg-000"),
                        List.of("dp-000")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
