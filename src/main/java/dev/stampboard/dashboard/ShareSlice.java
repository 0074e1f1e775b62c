package dev.stampboard.dashboard;

/** One bar of a traffic-share chart: a registry, or the sum of all the others; {@code share} is 0..1. */
public record ShareSlice(String label, double share, boolean others) {}
