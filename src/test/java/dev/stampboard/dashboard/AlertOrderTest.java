package dev.stampboard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.signals.engine.AlertSubject;
import dev.stampboard.signals.engine.TriggerKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16 item 4: a score trigger ranks by how far past its rule it is, among the reactive triggers. */
class AlertOrderTest {

    @Test
    void triggers_of_different_units_rank_by_how_far_past_their_rule_they_are() {
        // throttling 3.2 % against a 2 % rule: 1.6; score 91 against 70: 1.3; p99 2,200 ms against 2,000 ms: 1.1
        Alert throttling = new Alert(
                Alert.Severity.TRIGGER,
                AlertSubject.stamp("t"),
                "throttling",
                0.032 / 0.02,
                10,
                false,
                TriggerKind.REACTIVE);
        Alert score = new Alert(
                Alert.Severity.TRIGGER, AlertSubject.stamp("s"), "score", 91 / 70.0, 5, false, TriggerKind.SCORE);
        Alert latency = new Alert(
                Alert.Severity.TRIGGER, AlertSubject.stamp("l"), "p99", 2200 / 2000.0, 1, false, TriggerKind.REACTIVE);
        Alert hot = new Alert(Alert.Severity.HOT, AlertSubject.stamp("h"), "P95 46 %", 46, 20, false, TriggerKind.P95);
        Alert warn = new Alert(Alert.Severity.WARN, AlertSubject.stamp("w"), "P95 44 %", 44, 0, false, null);
        List<Alert> alerts = new ArrayList<>(List.of(warn, latency, score, hot, throttling));
        alerts.sort(Alert.WORST_FIRST);
        assertThat(alerts).extracting(a -> a.subject().label()).containsExactly("h", "t", "s", "l", "w");
    }
}
