package dev.stampboard.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampboard.base.Actor;
import dev.stampboard.base.TransitionRefused;
import dev.stampboard.planning.PlanId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlanRunTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    /** The run's machine as DESIGN §5 describes it, written out independently of {@link RunStatus}. */
    private static final Map<RunStatus, Set<RunStatus>> EXPECTED = Map.of(
            RunStatus.RUNNING, EnumSet.of(RunStatus.PAUSED, RunStatus.ROLLING_BACK, RunStatus.COMPLETED),
            RunStatus.PAUSED, EnumSet.of(RunStatus.RUNNING, RunStatus.ROLLING_BACK),
            RunStatus.ROLLING_BACK, EnumSet.of(RunStatus.ROLLED_BACK),
            RunStatus.COMPLETED, EnumSet.noneOf(RunStatus.class),
            RunStatus.ROLLED_BACK, EnumSet.noneOf(RunStatus.class));

    @Test
    void every_pair_matches_the_table() {
        for (RunStatus from : RunStatus.values()) {
            for (RunStatus to : RunStatus.values()) {
                assertThat(from.canMoveTo(to))
                        .as("%s -> %s", from, to)
                        .isEqualTo(EXPECTED.get(from).contains(to));
            }
        }
    }

    /** Every (from, to) pair through the aggregate's methods: allowed ones change the status, others throw and keep it. */
    @ParameterizedTest
    @EnumSource(RunStatus.class)
    void the_aggregate_obeys_the_table_from(RunStatus from) {
        Map<RunStatus, Consumer<PlanRun>> step = Map.of(
                RunStatus.RUNNING, PlanRun::resume,
                RunStatus.PAUSED, r -> r.pause("validation failed"),
                RunStatus.ROLLING_BACK, r -> r.startRollback("engineer asked"),
                RunStatus.COMPLETED, r -> r.complete(NOW),
                RunStatus.ROLLED_BACK, r -> r.finishRollback(NOW));
        for (RunStatus to : RunStatus.values()) {
            PlanRun run = in(from);
            if (EXPECTED.get(from).contains(to)) {
                step.get(to).accept(run);
                assertThat(run.status()).isEqualTo(to);
            } else {
                assertThatThrownBy(() -> step.get(to).accept(run))
                        .isInstanceOf(TransitionRefused.class)
                        .hasMessageContaining(from.name());
                assertThat(run.status()).isEqualTo(from);
            }
        }
    }

    private static PlanRun in(RunStatus status) {
        PlanRun run = PlanRun.start(PlanId.of("p-1"), "eastus", false, Actor.user("alice"), NOW);
        switch (status) {
            case RUNNING -> {}
            case PAUSED -> run.pause("x");
            case ROLLING_BACK -> run.startRollback("x");
            case COMPLETED -> run.complete(NOW);
            case ROLLED_BACK -> {
                run.startRollback("x");
                run.finishRollback(NOW);
            }
        }
        assertThat(run.status()).isEqualTo(status);
        return run;
    }
}
