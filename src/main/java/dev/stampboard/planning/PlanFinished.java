package dev.stampboard.planning;

/** Published when the cutover engine has finished executing a plan: COMPLETED or ROLLED_BACK. */
public record PlanFinished(PlanId planId, PlanStatus status) {}
