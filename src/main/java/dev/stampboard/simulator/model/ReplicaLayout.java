package dev.stampboard.simulator.model;

/**
 * A registry's replica in one region and the stamp that serves it (its home stamp) at this moment.
 * {@code arrivedMinute}: the epoch minute it was cut over to that stamp, or {@link #ALWAYS} when it has been
 * there since before anything the simulator remembers (its caches are warm).
 */
public record ReplicaLayout(String registry, String region, String homeStamp, long arrivedMinute) {

    public static final long ALWAYS = Long.MIN_VALUE;

    public ReplicaLayout(String registry, String region, String homeStamp) {
        this(registry, region, homeStamp, ALWAYS);
    }
}
