package dev.stampboard.signals.engine;

import static dev.stampboard.signals.engine.EngineFixtures.STAMP;
import static dev.stampboard.signals.engine.EngineFixtures.T0;
import static dev.stampboard.signals.engine.EngineFixtures.engineWithPool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.fleet.PoolKind;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Issue 16 item 6: each of the three signals triggers a stamp on its own; none triggers below its rule. */
class TriggerRulesTest {

    private static final ScoreRule SCORE_70_FOR_10 = new ScoreRule(70, 10);

    private static TriggerRules.StampFacts facts(
            double registryP95, List<ReactiveAlert> alerts, OptionalDouble score, int scoreMinutes) {
        return new TriggerRules.StampFacts(
                STAMP,
                Map.of(PoolKind.REGISTRY, OptionalDouble.of(registryP95), PoolKind.DATAPROXY, OptionalDouble.empty()),
                45.0,
                alerts,
                score,
                scoreMinutes,
                SCORE_70_FOR_10,
                T0);
    }

    @Test
    void a_quiet_stamp_has_no_trigger() {
        assertThat(TriggerRules.evaluate(facts(44.0, List.of(), OptionalDouble.of(69.9), 60)))
                .isEmpty();
    }

    @Test
    void p95_strictly_above_the_threshold_triggers() {
        assertThat(TriggerRules.evaluate(facts(45.0, List.of(), OptionalDouble.empty(), 0)))
                .isEmpty();
        List<StampTrigger> triggers = TriggerRules.evaluate(facts(45.5, List.of(), OptionalDouble.empty(), 0));
        assertThat(triggers).extracting(StampTrigger::kind).containsExactly(TriggerKind.P95);
        assertThat(triggers.get(0).detail()).isEqualTo("REGISTRY hot-node P95 45.5 % above 45.0 %");
    }

    @Test
    void score_triggers_only_when_held_for_the_rule_minutes() {
        assertThat(TriggerRules.evaluate(facts(30, List.of(), OptionalDouble.of(85), 9)))
                .isEmpty();
        List<StampTrigger> held = TriggerRules.evaluate(facts(30, List.of(), OptionalDouble.of(70), 10));
        assertThat(held).extracting(StampTrigger::kind).containsExactly(TriggerKind.SCORE);
        assertThat(held.get(0).detail()).isEqualTo("score 70 at or above 70 for 10 min (rule: 10 min)");
        assertThat(held.get(0).value()).isEqualTo(70.0);
        assertThat(held.get(0).threshold()).isEqualTo(70.0);
        assertThat(held.get(0).severity()).isEqualTo(1.0);
    }

    @Test
    void a_stamp_without_a_score_never_score_triggers() {
        assertThat(TriggerRules.evaluate(facts(30, List.of(), OptionalDouble.empty(), 99)))
                .isEmpty();
    }

    @Test
    void reactive_triggers_when_sustained_on_the_stamp_not_before() {
        SignalEngine engine = engineWithPool(SignalSettings.defaults(), T0);
        // 9 minutes of 4 % throttling on the stamp's only registry: not sustained yet (rule: > 2 % for 10 min)
        for (long m = T0 - 8; m <= T0; m++) {
            throttle(engine, m);
        }
        assertThat(TriggerRules.evaluate(facts(30, engine.activeAlerts(), OptionalDouble.empty(), 0)))
                .isEmpty();

        engine.advanceTo(T0 + 1);
        throttle(engine, T0 + 1);
        List<StampTrigger> triggers = TriggerRules.evaluate(new TriggerRules.StampFacts(
                STAMP,
                Map.of(PoolKind.REGISTRY, OptionalDouble.of(30)),
                45.0,
                engine.activeAlerts(),
                OptionalDouble.empty(),
                0,
                SCORE_70_FOR_10,
                T0 + 1));
        // the replica's own alert (reg@weu) fires too, but only the stamp's own signal triggers the stamp
        assertThat(engine.activeAlerts())
                .extracting(ReactiveAlert::subject)
                .contains(AlertSubject.replica("reg", "weu"));
        assertThat(triggers).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TriggerKind.REACTIVE);
            assertThat(t.detail()).isEqualTo("throttling 4.0 % above 2.0 % for 10 min (rule: 10 min)");
        });
    }

    @Test
    void all_three_signals_are_reported_in_order() {
        ReactiveAlert errors = new ReactiveAlert(
                AlertSubject.stamp(STAMP), SignalSettings.defaultReactiveRules().get(1), T0 - 6, 0.08);
        List<StampTrigger> triggers = TriggerRules.evaluate(facts(60, List.of(errors), OptionalDouble.of(91), 30));
        assertThat(triggers)
                .extracting(StampTrigger::kind)
                .containsExactly(TriggerKind.P95, TriggerKind.REACTIVE, TriggerKind.SCORE);
        assertThat(triggers.get(1).describe()).isEqualTo("reactive: 5xx 8.0 % above 5.0 % for 7 min (rule: 5 min)");
        // each carries its value and its rule's threshold, in the rule's unit
        assertThat(triggers)
                .extracting(StampTrigger::value, StampTrigger::threshold)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(60.0, 45.0),
                        org.assertj.core.groups.Tuple.tuple(0.08, 0.05),
                        org.assertj.core.groups.Tuple.tuple(91.0, 70.0));
        assertThat(triggers.get(2).severity()).isCloseTo(1.3, org.assertj.core.api.Assertions.within(1e-12));
    }

    private static void throttle(SignalEngine engine, long minute) {
        SampleVerdict verdict = engine.recordTraffic(
                ReplicaMinute.of("reg", "weu", STAMP, minute), new TrafficCounts(100, 100_000, 4, 0, 100));
        assertThat(verdict.accepted()).as(verdict.reason()).isTrue();
    }
}
