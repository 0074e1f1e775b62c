package dev.stampboard.signals.engine;

import dev.stampboard.fleet.PoolKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The one place that decides whether a stamp is triggered (DESIGN §2, issue 16 item 6). A stamp is
 * triggered when any of these holds:
 *
 * <ul>
 *   <li>{@link TriggerKind#P95}: a pool's hot-node P95 is strictly above the hot threshold;
 *   <li>{@link TriggerKind#REACTIVE}: a reactive rule is sustained on the stamp itself (the engine's
 *       {@link ReactiveAlert}s whose subject is the stamp, evaluated with the region's rules);
 *   <li>{@link TriggerKind#SCORE}: the stamp score has been at or above the score threshold for at least
 *       the rule's minutes.
 * </ul>
 *
 * Triggers come back in that order (P95 pools in {@link PoolKind} order, reactive rules in the alerts' order).
 */
public final class TriggerRules {

    private TriggerRules() {}

    /**
     * What the rules see of one stamp.
     *
     * @param p95ByPool          each pool's hot-node P95 (empty: no data in the window)
     * @param hotThreshold       a pool above this (%) triggers
     * @param reactiveAlerts     reactive rules firing now whose subject is this stamp
     * @param score              the latest stamp score 0–100, empty when the stamp has none
     * @param scoreMinutesAtOrAbove consecutive scored minutes, ending now, with the score at or above the rule's threshold
     * @param scoreRule          the region's score rule
     * @param nowMinute          the engine's current minute (for how long a reactive rule has held)
     * @param hotSinceByPool     since which minute each HOT pool has been HOT, where known (else now)
     */
    public record StampFacts(
            String stamp,
            Map<PoolKind, OptionalDouble> p95ByPool,
            double hotThreshold,
            List<ReactiveAlert> reactiveAlerts,
            OptionalDouble score,
            int scoreMinutesAtOrAbove,
            ScoreRule scoreRule,
            long nowMinute,
            Map<PoolKind, Long> hotSinceByPool) {

        public StampFacts(
                String stamp,
                Map<PoolKind, OptionalDouble> p95ByPool,
                double hotThreshold,
                List<ReactiveAlert> reactiveAlerts,
                OptionalDouble score,
                int scoreMinutesAtOrAbove,
                ScoreRule scoreRule,
                long nowMinute) {
            this(
                    stamp,
                    p95ByPool,
                    hotThreshold,
                    reactiveAlerts,
                    score,
                    scoreMinutesAtOrAbove,
                    scoreRule,
                    nowMinute,
                    Map.of());
        }
    }

    public static List<StampTrigger> evaluate(StampFacts facts) {
        List<StampTrigger> triggers = new ArrayList<>();
        for (PoolKind pool : PoolKind.values()) {
            OptionalDouble p95 = facts.p95ByPool().getOrDefault(pool, OptionalDouble.empty());
            if (p95.isPresent() && p95.getAsDouble() > facts.hotThreshold()) {
                triggers.add(new StampTrigger(
                        facts.stamp(),
                        TriggerKind.P95,
                        String.format(
                                Locale.ROOT,
                                "%s hot-node P95 %.1f %% above %.1f %%",
                                pool,
                                p95.getAsDouble(),
                                facts.hotThreshold()),
                        facts.hotSinceByPool().getOrDefault(pool, facts.nowMinute()),
                        p95.getAsDouble(),
                        facts.hotThreshold()));
            }
        }
        AlertSubject stamp = AlertSubject.stamp(facts.stamp());
        for (ReactiveAlert alert : facts.reactiveAlerts()) {
            if (alert.subject().equals(stamp)) {
                triggers.add(new StampTrigger(
                        facts.stamp(),
                        TriggerKind.REACTIVE,
                        describe(alert, facts.nowMinute()),
                        alert.sinceMinute(),
                        alert.latestValue(),
                        alert.rule().threshold()));
            }
        }
        ScoreRule rule = facts.scoreRule();
        if (facts.score().isPresent()
                && facts.score().getAsDouble() >= rule.threshold()
                && facts.scoreMinutesAtOrAbove() >= rule.sustainedMinutes()) {
            triggers.add(new StampTrigger(
                    facts.stamp(),
                    TriggerKind.SCORE,
                    String.format(
                            Locale.ROOT,
                            "score %.0f at or above %.0f for %d min (rule: %d min)",
                            facts.score().getAsDouble(),
                            rule.threshold(),
                            facts.scoreMinutesAtOrAbove(),
                            rule.sustainedMinutes()),
                    facts.nowMinute() - facts.scoreMinutesAtOrAbove() + 1,
                    facts.score().getAsDouble(),
                    rule.threshold()));
        }
        return triggers;
    }

    /** "throttling 3.1 % above 2.0 % for 12 min (rule: 10 min)": the metric now, the rule, and how long it has held. */
    public static String describe(ReactiveAlert a, long nowMinute) {
        ReactiveRule rule = a.rule();
        long minutes = Math.max(rule.sustainedMinutes(), nowMinute - a.sinceMinute() + 1);
        String held = String.format(Locale.ROOT, " for %d min (rule: %d min)", minutes, rule.sustainedMinutes());
        return switch (rule.metric()) {
            case THROTTLING_RATE ->
                String.format(
                                Locale.ROOT,
                                "throttling %.1f %% above %.1f %%",
                                a.latestValue() * 100,
                                rule.threshold() * 100)
                        + held;
            case ERROR_RATE ->
                String.format(Locale.ROOT, "5xx %.1f %% above %.1f %%", a.latestValue() * 100, rule.threshold() * 100)
                        + held;
            case P99_LATENCY_MS ->
                String.format(Locale.ROOT, "p99 latency %.0f ms above %.0f ms", a.latestValue(), rule.threshold())
                        + held;
        };
    }
}
