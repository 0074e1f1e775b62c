package dev.stampboard.score;

import dev.stampboard.signals.StampScores;
import java.util.OptionalDouble;
import org.springframework.stereotype.Component;

/** The signals' {@link StampScores} port, answered from the live scores in memory (the SCORE trigger reads it). */
@Component
class LiveStampScores implements StampScores {

    private final ScoreService scores;

    LiveStampScores(ScoreService scores) {
        this.scores = scores;
    }

    @Override
    public OptionalDouble scoreOf(String stamp) {
        return scores.score(stamp);
    }

    @Override
    public int minutesAtOrAbove(String stamp, double threshold) {
        return scores.minutesAtOrAbove(stamp, threshold);
    }
}
