package dev.stampboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule of which stamp statuses take which placement, for every pair. */
class PlacementTest {

    /**
     * From the rule as the README states it: a new replica (declared, or cut over by a plan) goes to an ACTIVE stamp
     * only; a rollback goes back onto any stamp that still serves, i.e. all but a RETIRED one.
     */
    private static final Map<Placement, Set<StampStatus>> ADMITTED = Map.of(
            Placement.DECLARATION, EnumSet.of(StampStatus.ACTIVE),
            Placement.CUTOVER, EnumSet.of(StampStatus.ACTIVE),
            Placement.ROLLBACK, EnumSet.of(StampStatus.PROVISIONING, StampStatus.ACTIVE, StampStatus.DRAINING));

    @Test
    void each_placement_admits_exactly_the_statuses_of_the_rule() {
        for (Placement placement : Placement.values()) {
            for (StampStatus status : StampStatus.values()) {
                assertThat(placement.admits(status))
                        .as("%s onto a %s stamp", placement, status)
                        .isEqualTo(ADMITTED.get(placement).contains(status));
            }
        }
    }
}
