package dev.stampboard.score;

import dev.stampboard.fleet.StampInfo;
import dev.stampboard.score.engine.StampMinute;
import java.util.List;
import java.util.Map;

/** The engine's minutes {@code [from, to]} of each stamp, what the {@link LiveScoreBoard} reads ({@link LiveObservations}). */
@FunctionalInterface
interface EngineMinutes {

    /** Stamp → its minutes: index {@code i} is minute {@code from + i} (a stamp without any may be absent). */
    Map<String, StampMinute[]> range(long from, long to, List<StampInfo> stamps);
}
