package dev.stampboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DESIGN §1's stamp life, PROVISIONING → ACTIVE → DRAINING → RETIRED, written out by hand: every pair. */
class StampStatusTest {

    private static final Map<StampStatus, Set<StampStatus>> EXPECTED = Map.of(
            StampStatus.PROVISIONING, EnumSet.of(StampStatus.ACTIVE),
            StampStatus.ACTIVE, EnumSet.of(StampStatus.DRAINING),
            StampStatus.DRAINING, EnumSet.of(StampStatus.RETIRED),
            StampStatus.RETIRED, EnumSet.noneOf(StampStatus.class));

    @Test
    void every_pair_matches_the_table() {
        for (StampStatus from : StampStatus.values()) {
            for (StampStatus to : StampStatus.values()) {
                assertThat(from.canMoveTo(to))
                        .as("%s -> %s", from, to)
                        .isEqualTo(EXPECTED.get(from).contains(to));
            }
        }
    }
}
