package dev.stampboard.score;

import java.util.ArrayList;
import java.util.List;

/**
 * The hours the {@link LiveScoreBoard} read whole since it last wrote them, on their way to the {@link StoredHours}.
 * Only the board's writers, under its lock, touch it.
 */
final class WholeHours {

    private final StoredHours store;
    private final List<StoredHours.HourTotal> read = new ArrayList<>();

    WholeHours(StoredHours store) {
        this.store = store;
    }

    /** {@code s} read the hour ending with {@code minute} whole: its total is kept (an hour without requests: none). */
    void add(String stamp, long minute, LiveStamp s) {
        double requests = s.tracker.lastHourRequests();
        if (requests > 0) {
            read.add(new StoredHours.HourTotal(stamp, Math.floorDiv(minute, 60), Math.round(requests)));
        }
    }

    /** Writes the hours kept since the last call to the store. */
    void write() {
        if (!read.isEmpty()) {
            store.write(List.copyOf(read));
            read.clear();
        }
    }
}
