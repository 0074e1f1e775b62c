package dev.stampboard.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.signals.StampScores;
import dev.stampboard.simulator.SimulatorService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The signals' SCORE trigger reads the live scores through its port. */
class LiveStampScoresTest extends SpringTest {

    @Autowired
    StampScores port;

    @Autowired
    ScoreService scores;

    @Autowired
    ScoreModelService versions;

    @Autowired
    SimulatorService simulator;

    @Test
    void the_port_answers_the_live_score_and_how_long_it_held() {
        ScoreFixture.activeVersion(versions);
        simulator.advance(3, Actor.SYSTEM);
        assertThat(port).isInstanceOf(LiveStampScores.class);
        for (String stamp : new String[] {"eus-s01", "eus-s02"}) {
            double score = scores.score(stamp).orElseThrow();
            assertThat(port.scoreOf(stamp).orElseThrow()).isEqualTo(score);
            // independently from the trend: consecutive minutes, newest first, at or above the score itself
            var trend = scores.trend(stamp);
            int held = 0;
            for (int i = trend.size() - 1; i >= 0 && !Double.isNaN(trend.get(i)[1]) && trend.get(i)[1] >= score; i--) {
                held++;
            }
            assertThat(port.minutesAtOrAbove(stamp, score)).isEqualTo(held).isPositive();
            assertThat(port.minutesAtOrAbove(stamp, 100.01)).isZero();
        }
        assertThat(port.scoreOf("no-such-stamp")).isEmpty();
        assertThat(port.minutesAtOrAbove("no-such-stamp", 0)).isZero();
    }
}
