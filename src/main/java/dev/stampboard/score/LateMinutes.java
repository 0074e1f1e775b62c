package dev.stampboard.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stamps with telemetry recorded after the {@link LiveScoreBoard} read its minute, and the earliest such minute of
 * each: the recording threads add, the board's writers take them when they settle.
 */
final class LateMinutes {

    private final Map<String, Long> earliest = new ConcurrentHashMap<>();

    /** Telemetry for {@code stamp}'s {@code minute} was recorded after that minute had passed. */
    void add(String stamp, long minute) {
        earliest.merge(stamp, minute, Math::min);
    }

    boolean isEmpty() {
        return earliest.isEmpty();
    }

    /** Forgets every stamp (what was recorded up to now is read now). */
    void clear() {
        earliest.clear();
    }

    /** Forgets {@code stamp} (it is read again whole). */
    void forget(String stamp) {
        earliest.remove(stamp);
    }

    /** Takes every stamp's earliest late minute out; a minute recorded meanwhile stays for the next call. */
    Map<String, Long> takeAll() {
        Map<String, Long> taken = new HashMap<>();
        for (String stamp : new ArrayList<>(earliest.keySet())) {
            Long minute = earliest.remove(stamp);
            if (minute != null) {
                taken.put(stamp, minute);
            }
        }
        return taken;
    }
}
