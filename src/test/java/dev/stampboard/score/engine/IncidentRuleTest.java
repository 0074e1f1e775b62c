package dev.stampboard.score.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IncidentRuleTest {

    private final IncidentRule rule = new IncidentRule(1500, 1.0, 15, 60);

    private static boolean[] breaches(int length, int from, int to) {
        boolean[] b = new boolean[length];
        for (int t = from; t < to; t++) {
            b[t] = true;
        }
        return b;
    }

    @Test
    void a_breach_is_p99_above_the_slo_or_throttling_above_x_percent() {
        assertThat(rule.breach(new StampMinute(50, 50, 100, 0.0, 0.0, 1500.1, 0.5)))
                .isTrue();
        assertThat(rule.breach(new StampMinute(50, 50, 100, 0.0, 0.0, 1500.0, 0.5)))
                .isFalse();
        assertThat(rule.breach(new StampMinute(50, 50, 100, 0.011, 0.0, 100, 0.5)))
                .isTrue();
        assertThat(rule.breach(new StampMinute(50, 50, 100, 0.01, 0.0, 100, 0.5)))
                .isFalse();
        assertThat(rule.breach(StampMinute.SILENT)).isFalse();
    }

    @Test
    void only_a_breach_sustained_for_15_minutes_is_an_incident() {
        boolean[] b = breaches(200, 10, 24); // 14 minutes: not an incident
        for (int t = 100; t < 115; t++) { // 15 minutes: an incident
            b[t] = true;
        }
        boolean[] incident = rule.incidents(b);
        assertThat(incident[10]).isFalse();
        assertThat(incident[23]).isFalse();
        assertThat(incident[100]).isTrue();
        assertThat(incident[114]).isTrue();
        assertThat(incident[115]).isFalse();
        assertThat(IncidentRule.starts(incident)).containsExactly(100);
    }

    @Test
    void the_target_says_whether_an_incident_minute_lies_within_the_horizon_ahead() {
        boolean[] incident = rule.incidents(breaches(300, 100, 120));
        byte[] target = rule.targets(incident);
        assertThat(target[39]).isEqualTo((byte) 0); // 100 - 39 = 61 > 60
        assertThat(target[40]).isEqualTo((byte) 1); // exactly 60 ahead
        assertThat(target[99]).isEqualTo((byte) 1);
        assertThat(target[100]).isEqualTo((byte) -1); // in the incident: not a prediction
        assertThat(target[120]).isEqualTo((byte) 0);
        assertThat(target[239]).isEqualTo((byte) 0);
        assertThat(target[240]).isEqualTo((byte) -1); // the horizon runs past what is known
    }

    @Test
    void refuses_a_rule_that_cannot_be_met() {
        assertThatThrownBy(() -> new IncidentRule(0, 1, 15, 360)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IncidentRule(1500, 1, 0, 360)).isInstanceOf(IllegalArgumentException.class);
    }
}
