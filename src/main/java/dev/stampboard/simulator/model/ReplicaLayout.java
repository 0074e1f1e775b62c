package dev.stampboard.simulator.model;

/**
 * A registry's replica in one region and the stamp that serves it (its home stamp) at this moment.
 * {@code arrivedMinute}: the first epoch minute it was served there after its cutover to that stamp (the destination's
 * caches warm up from then; a minute before it counts as warm), or {@link #ALWAYS} when it has been there since its
 * first placement (its caches are warm).
 */
public record ReplicaLayout(String registry, String region, String homeStamp, long arrivedMinute) {

    public static final long ALWAYS = Long.MIN_VALUE;

    public ReplicaLayout(String registry, String region, String homeStamp) {
        this(registry, region, homeStamp, ALWAYS);
    }
}
