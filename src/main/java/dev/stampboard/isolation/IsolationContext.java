package dev.stampboard.isolation;

import dev.stampboard.planning.IsolationAdvice;
import dev.stampboard.signals.StampSignals;
import java.util.List;

/**
 * What a reviewer weighs beside a request: the customer's current stamps in the region with their
 * signals, each requested registry's share of its home stamp's traffic, and the planner's advice.
 */
public record IsolationContext(List<StampSignals> stamps, List<RegistryShare> shares, List<IsolationAdvice> advice) {

    /** A registry's share of its home stamp's registry-pool requests and dataproxy-pool bytes (0..1). */
    public record RegistryShare(String registry, String homeStamp, double requestShare, double byteShare) {}
}
