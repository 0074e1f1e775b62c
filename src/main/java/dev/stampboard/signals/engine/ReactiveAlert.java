package dev.stampboard.signals.engine;

/**
 * A reactive rule firing now.
 *
 * @param subject     the stamp, or the registry replica, whose traffic breaks the rule
 * @param sinceMinute first minute of the current streak (bounded by retention: older minutes are gone)
 * @param latestValue the metric's value in the current minute
 */
public record ReactiveAlert(AlertSubject subject, ReactiveRule rule, long sinceMinute, double latestValue) {}
