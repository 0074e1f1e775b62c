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
    void a_breach_in_most_minutes_of_15_is_an_incident_from_its_first_breach_to_its_last() {
        assertThat(rule.quorum()).isEqualTo(8); // more than half of 15
        boolean[] b = breaches(400, 10, 17); // 7 minutes in a row: at most 7 of any 15, not an incident
        for (int t = 100; t < 108; t++) { // 8 in a row: an incident, minutes 100..107
            b[t] = true;
        }
        boolean[] incident = rule.incidents(b);
        assertThat(incident[10]).isFalse();
        assertThat(incident[16]).isFalse();
        assertThat(incident[99]).isFalse();
        assertThat(incident[100]).isTrue();
        assertThat(incident[107]).isTrue();
        assertThat(incident[108]).isFalse();
        assertThat(IncidentRule.starts(incident)).containsExactly(100);
    }

    @Test
    void a_breach_that_flickers_in_two_minutes_of_three_is_one_incident() {
        // a saturated stamp's throttling, around the threshold: minutes 200..259 breach unless t % 3 == 0 (10 of any
        // 15); a breach in one minute of three (5 of 15) never is one. Both were no incident when every minute of 15
        // had to breach.
        boolean[] b = new boolean[400];
        for (int t = 200; t < 260; t++) {
            b[t] = t % 3 != 0;
        }
        for (int t = 300; t < 360; t++) {
            b[t] = t % 3 == 0;
        }
        boolean[] incident = rule.incidents(b);
        for (int t = 0; t < 400; t++) {
            assertThat(incident[t]).as("minute %d", t).isEqualTo(t >= 200 && t <= 259); // first breach 200, last 259
        }
        assertThat(IncidentRule.starts(incident)).containsExactly(200);
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
