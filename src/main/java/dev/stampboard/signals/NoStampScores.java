package dev.stampboard.signals;

import java.util.OptionalDouble;
import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;

/** Until a module provides {@link StampScores}, no stamp has a score and the SCORE trigger never fires. */
@Component
@Fallback
class NoStampScores implements StampScores {

    @Override
    public OptionalDouble scoreOf(String stamp) {
        return OptionalDouble.empty();
    }

    @Override
    public int minutesAtOrAbove(String stamp, double threshold) {
        return 0;
    }
}
