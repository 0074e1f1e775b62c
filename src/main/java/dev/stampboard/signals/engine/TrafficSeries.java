package dev.stampboard.signals.engine;

/**
 * One registry replica's traffic per minute over a range: index {@code i} is minute {@code minutes[i]}
 * (every minute of the range, in order). {@code requests[i]} and {@code bytes[i]} are NaN when the minute has
 * no record (nothing reported, not retained, or in the future); {@code servedBy[i]} is then {@code null},
 * otherwise the stamp that served the replica in that minute.
 */
public record TrafficSeries(long[] minutes, double[] requests, double[] bytes, String[] servedBy) {

    public int size() {
        return minutes.length;
    }

    /** Whether any minute of the range has a record. */
    public boolean hasData() {
        for (String stamp : servedBy) {
            if (stamp != null) {
                return true;
            }
        }
        return false;
    }
}
