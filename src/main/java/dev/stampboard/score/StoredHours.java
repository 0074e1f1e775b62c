package dev.stampboard.score;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The store's request totals of stamps per epoch hour (issue 18): the two days the growth feature compares, more than
 * the engine keeps. Every instance writes the hours it read whole; a stamp read afresh (at start, after older late
 * data, a threshold change) takes the hours before its first minute from here, so an instance started now compares
 * the same two days as one that saw them live. {@link StoredHourlyRequests} keeps them in the database.
 */
interface StoredHours {

    /** The stored totals of epoch hours {@code [fromHour, toHour]}: stamp → hour → requests (none stored: absent). */
    Map<String, Map<Long, Long>> read(long fromHour, long toHour, Collection<String> stamps);

    /** Stores the totals of hours read whole; a total only grows with late telemetry, so the larger one stays. */
    void write(List<HourTotal> totals);

    /** One stamp's requests in one epoch hour. */
    record HourTotal(String stamp, long hour, long requests) {}

    /** Nothing stored: the growth needs two days seen by this board (tests of other features). */
    StoredHours NOTHING = new StoredHours() {
        @Override
        public Map<String, Map<Long, Long>> read(long fromHour, long toHour, Collection<String> stamps) {
            return Map.of();
        }

        @Override
        public void write(List<HourTotal> totals) {}
    };
}
