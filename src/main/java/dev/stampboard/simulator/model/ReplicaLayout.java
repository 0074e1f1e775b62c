package dev.stampboard.simulator.model;

/** A registry's replica in one region and the stamp that serves it (its home stamp) at this moment. */
public record ReplicaLayout(String registry, String region, String homeStamp) {
}
