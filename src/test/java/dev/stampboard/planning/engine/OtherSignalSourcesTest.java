package dev.stampboard.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.engine.StampTrigger;
import dev.stampboard.signals.engine.TriggerKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 6: a stamp that a reactive trigger or the score triggers is a planning source even with its
 * hot-node P95 below the threshold. Expected figures follow DESIGN §3 by hand: with a flat series, the source's
 * P95 after removing share s is b + (hot − b)(1 − s), the destination's hot_d + (hot_s − b)·s (same node count).
 */
class OtherSignalSourcesTest {

    private static final StampTrigger THROTTLING = new StampTrigger(
            "throttled", TriggerKind.REACTIVE, "throttling 3.0 % above 2.0 % for 12 min (rule: 10 min)", 0);

    /** "throttled" runs at 44 % in both pools: below the 45 % threshold, above the 40 % target. */
    private static Fleets fleet() {
        return Fleets.region()
                .stamp("throttled", 44)
                .stamp("cool", 10)
                .registry("big.azurecr.io", "throttled", 0.30)
                .registry("mid.azurecr.io", "throttled", 0.10);
    }

    private static PlanningInput withTriggers(Fleets fleet, Map<String, List<StampTrigger>> triggers) {
        PlanningInput base = fleet.input();
        return new PlanningInput(
                base.region(),
                base.fromMinute(),
                base.stamps(),
                base.registries(),
                base.settings(),
                Set.of(),
                triggers);
    }

    @Test
    void at_44_percent_without_another_signal_nothing_is_planned() {
        Plan plan = new Planner().plan(fleet().input());
        assertThat(plan.moves()).isEmpty();
        assertThat(plan.reliefs()).isEmpty();
    }

    @Test
    void a_stamp_throttling_at_44_percent_becomes_a_source() {
        Plan plan = new Planner().plan(withTriggers(fleet(), Map.of("throttled", List.of(THROTTLING))));

        assertThat(plan.moves()).singleElement().satisfies(m -> {
            assertThat(m.registry()).isEqualTo("big.azurecr.io");
            assertThat(m.from()).isEqualTo("throttled");
            assertThat(m.to()).isEqualTo("cool");
        });
        double sourceAfter = Fleets.B + (44 - Fleets.B) * (1 - 0.30); // 32.3: below the 40 % target, so one move
        double destinationAfter = 10 + (44 - Fleets.B) * 0.30; // 21.7
        assertThat(prediction(plan, "throttled").after()).isCloseTo(sourceAfter, within(0.01));
        assertThat(prediction(plan, "cool").after()).isCloseTo(destinationAfter, within(0.01));
        assertThat(plan.notes())
                .contains(
                        "throttled is triggered by reactive: throttling 3.0 % above 2.0 % for 12 min (rule: 10 min).");
    }

    @Test
    void a_score_triggered_stamp_below_target_still_loses_its_top_contributor() {
        Fleets fleet = Fleets.region()
                .stamp("scored", 30)
                .stamp("cool", 10)
                .registry("big.azurecr.io", "scored", 0.30)
                .registry("mid.azurecr.io", "scored", 0.10);
        StampTrigger score =
                new StampTrigger("scored", TriggerKind.SCORE, "score 82 at or above 70 for 15 min (rule: 10 min)", 0);

        Plan plan = new Planner().plan(withTriggers(fleet, Map.of("scored", List.of(score))));

        assertThat(plan.moves()).extracting(PlannedMove::registry).containsExactly("big.azurecr.io");
        assertThat(prediction(plan, "scored").after()).isCloseTo(Fleets.B + (30 - Fleets.B) * 0.70, within(0.01));
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("scored is triggered by score: score 82"));
    }

    @Test
    void a_p95_trigger_alone_changes_nothing_the_planner_did_before() {
        StampTrigger p95 = new StampTrigger("hot", TriggerKind.P95, "DATAPROXY hot-node P95 80.0 % above 45.0 %", 0);
        Fleets fleet = Fleets.oneHotStampTwoCoolOnes();
        Plan without = new Planner().plan(fleet.input());
        Plan with = new Planner().plan(withTriggers(fleet, Map.of("hot", List.of(p95))));
        assertThat(with.moves()).isEqualTo(without.moves());
        assertThat(with.notes()).contains("hot is triggered by P95: DATAPROXY hot-node P95 80.0 % above 45.0 %.");
    }

    private static Prediction prediction(Plan plan, String stamp) {
        return plan.predictions().stream()
                .filter(p -> p.stamp().equals(stamp) && p.pool() == PoolKind.DATAPROXY)
                .findFirst()
                .orElseThrow();
    }
}
