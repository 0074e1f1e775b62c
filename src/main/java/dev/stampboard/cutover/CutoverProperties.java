package dev.stampboard.cutover;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stampboard.cutover.*}: how the executor runs and the validation criteria (DESIGN §5).
 *
 * @param executorEnabled whether this instance runs the executor loop (tests drive it by hand)
 * @param pollMillis      wall-clock period of the executor loop
 * @param leaseSeconds    how long an instance holds the executor lease without renewing it
 * @param drainSeconds    simulated seconds the source drains in-flight requests after a cutover (30–60)
 * @param validation      verdict criteria
 * @param telemetryLag    how late a minute's telemetry may still arrive (collectors post a minute after it ended,
 *                        Azure Monitor answers minutes late): validation records a minute only this long after it,
 *                        and judges a window only when its last minute is this old. The embedded simulator delivers
 *                        each minute as it happens, so zero suits it; default 5 minutes.
 */
@ConfigurationProperties("stampboard.cutover")
public record CutoverProperties(
        boolean executorEnabled,
        long pollMillis,
        int leaseSeconds,
        int drainSeconds,
        ValidationCriteria validation,
        java.time.Duration telemetryLag) {

    public CutoverProperties {
        if (pollMillis <= 0) {
            pollMillis = 1000;
        }
        if (leaseSeconds <= 0) {
            leaseSeconds = 30;
        }
        if (drainSeconds < 30 || drainSeconds > 60) {
            throw new IllegalArgumentException(
                    "stampboard.cutover.drain-seconds must be between 30 and 60, not " + drainSeconds);
        }
        if (validation == null) {
            validation = ValidationCriteria.defaults();
        }
        if (telemetryLag == null) {
            telemetryLag = java.time.Duration.ofMinutes(5);
        }
        if (telemetryLag.isNegative()) {
            throw new IllegalArgumentException("stampboard.cutover.telemetry-lag must not be negative");
        }
    }
}
