package dev.stampboard.capacity.change;

import static dev.stampboard.capacity.change.CapacityChangeState.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every (from, to) pair against the table in the enum's documentation, written out again here. */
class CapacityChangeStateTest {

    private static final Map<CapacityChangeState, Set<CapacityChangeState>> TABLE = Map.of(
            PROPOSED, EnumSet.of(APPROVED, REJECTED),
            APPROVED, EnumSet.of(APPLYING),
            APPLYING, EnumSet.of(VALIDATING, REVERTING),
            VALIDATING, EnumSet.of(COMPLETED, FAILED, REVERTING),
            FAILED, EnumSet.of(REVERTING),
            COMPLETED, EnumSet.of(REVERTING),
            REVERTING, EnumSet.of(REVERTED),
            REJECTED, EnumSet.noneOf(CapacityChangeState.class),
            REVERTED, EnumSet.noneOf(CapacityChangeState.class));

    @ParameterizedTest
    @EnumSource(CapacityChangeState.class)
    void every_pair_is_allowed_exactly_when_the_table_says_so(CapacityChangeState from) {
        assertThat(TABLE).containsKey(from);
        for (CapacityChangeState to : CapacityChangeState.values()) {
            assertThat(from.canMoveTo(to))
                    .as("%s -> %s", from, to)
                    .isEqualTo(TABLE.get(from).contains(to));
        }
        assertThat(from.next()).isEqualTo(TABLE.get(from));
        assertThat(from.isFinal()).isEqualTo(TABLE.get(from).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(CapacityChangeState.class)
    void the_executor_works_only_on_applying_validating_and_reverting(CapacityChangeState state) {
        assertThat(state.isActive()).isEqualTo(state == APPLYING || state == VALIDATING || state == REVERTING);
    }
}
