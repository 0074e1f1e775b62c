package dev.stampboard.planning;

/** Predicted hot-node P95 of one stamp pool before and after the whole plan. */
public record PlanPrediction(String stamp, String pool, double beforeP95, double afterP95) {}
