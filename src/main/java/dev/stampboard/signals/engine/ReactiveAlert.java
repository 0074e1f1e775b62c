package dev.stampboard.signals.engine;

/**
 * A reactive rule firing now.
 *
 * @param subject     a stamp name, or {@code registry@region} for a registry replica
 * @param sinceMinute first minute of the current streak (bounded by retention: older minutes are gone)
 * @param latestValue the metric's value in the current minute
 */
public record ReactiveAlert(String subject, ReactiveRule rule, long sinceMinute, double latestValue) {}
