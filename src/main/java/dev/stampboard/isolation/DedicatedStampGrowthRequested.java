package dev.stampboard.isolation;

import dev.stampboard.base.Actor;

/**
 * A request was approved for a customer and region that already have a dedicated stamp (issue 17 item 5): the stamp
 * is to grow to the summed sizing of every approved request on it. {@code registryNodes} / {@code dataproxyNodes} are
 * the sizes wanted (never below what the pools have); the capacity-change workflow carries the growth out, proposed
 * on the requester's behalf and approved by the request's decider. Delivered after the request's step committed, through
 * the publication registry: the actors are its JSON's plain names, as they were when they were Strings.
 */
public record DedicatedStampGrowthRequested(
        String requestId,
        String stamp,
        String region,
        String customer,
        int registryNodes,
        int dataproxyNodes,
        String arithmetic,
        Actor requestedBy,
        Actor approvedBy) {}
