package dev.stampboard.cutover;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges a validated move (DESIGN §5). Fail: latency or throughput far off the baseline, the
 * destination over the threshold, or a reactive trigger firing. Marginal: a smaller drift, the
 * destination above target, or a pool hotter than predicted by more than allowed. Each criterion
 * writes one line of evidence, so the verdict explains itself.
 */
final class VerdictRules {

    private VerdictRules() {}

    record Judgement(Verdict verdict, List<String> evidence) {
        String text() {
            return String.join("\n", evidence);
        }
    }

    static Judgement judge(ValidationEvidence e, ValidationCriteria c) {
        List<String> lines = new ArrayList<>();
        Verdict verdict = Verdict.PASS;
        if (e.baselineP99Ms() != null && e.measuredP99Ms() != null && e.baselineP99Ms() > 0) {
            double ratio = e.measuredP99Ms() / e.baselineP99Ms();
            Verdict v = ratio > c.latencyFailRatio()
                    ? Verdict.FAIL
                    : ratio > c.latencyMarginalRatio() ? Verdict.MARGINAL : Verdict.PASS;
            lines.add(line(
                    v,
                    "p99 latency %.0f ms against a baseline of %.0f ms (×%.2f; marginal above ×%.2f, fail above ×%.2f)",
                    e.measuredP99Ms(),
                    e.baselineP99Ms(),
                    ratio,
                    c.latencyMarginalRatio(),
                    c.latencyFailRatio()));
            verdict = worse(verdict, v);
        } else {
            lines.add("· p99 latency: no baseline or no measurement, not judged");
        }
        if (e.baselineRequests() != null && e.measuredRequests() != null && e.baselineRequests() > 0) {
            double ratio = e.measuredRequests() / e.baselineRequests();
            Verdict v = ratio < c.throughputFailRatio()
                    ? Verdict.FAIL
                    : ratio < c.throughputMarginalRatio() ? Verdict.MARGINAL : Verdict.PASS;
            lines.add(line(
                    v,
                    "throughput %.0f requests/min against a baseline of %.0f (×%.2f; marginal below ×%.2f, fail below ×%.2f)",
                    e.measuredRequests(),
                    e.baselineRequests(),
                    ratio,
                    c.throughputMarginalRatio(),
                    c.throughputFailRatio()));
            verdict = worse(verdict, v);
        } else {
            lines.add("· throughput: no baseline or no measurement, not judged");
        }
        double target = e.threshold() - c.marginPp();
        for (MovePrediction p : e.destinationPools()) {
            if (p.measured() == null) {
                lines.add("· destination " + p.stamp() + " " + p.pool() + ": no hot-node data yet, not judged");
                continue;
            }
            Verdict v = p.measured() > e.threshold()
                    ? Verdict.FAIL
                    : p.measured() > target ? Verdict.MARGINAL : Verdict.PASS;
            lines.add(line(
                    v,
                    "destination %s %s hot-node P95 %.1f %% (threshold %.1f, target %.1f)",
                    p.stamp(),
                    p.pool(),
                    p.measured(),
                    e.threshold(),
                    target));
            verdict = worse(verdict, v);
            verdict = worse(verdict, prediction(p, c, lines));
        }
        for (MovePrediction p : e.sourcePools()) {
            if (p.measured() == null) {
                continue;
            }
            lines.add(String.format(
                    Locale.ROOT,
                    "· source %s %s hot-node P95 %.1f %% (before %s)",
                    p.stamp(),
                    p.pool(),
                    p.measured(),
                    p.before() == null ? "n/a" : String.format(Locale.ROOT, "%.1f %%", p.before())));
            verdict = worse(verdict, prediction(p, c, lines));
        }
        for (ValidationEvidence.WindowPool w : e.windowPools()) {
            Verdict v = w.p95() > e.threshold() ? Verdict.FAIL : Verdict.PASS;
            lines.add(line(
                    v,
                    "destination %s %s over the whole window (%d min): hot-node P95 %.1f %%, %d min above %.1f %%",
                    w.stamp(),
                    w.pool(),
                    w.minutes(),
                    w.p95(),
                    w.minutesAboveThreshold(),
                    e.threshold()));
            verdict = worse(verdict, v);
        }
        if (e.sustainedFailure() != null) {
            lines.add("✗ failed early: " + e.sustainedFailure());
            verdict = Verdict.FAIL;
        }
        if (e.drain() != null) {
            lines.add("· " + e.drain());
        }
        for (String alert : e.reactiveAlerts()) {
            lines.add("✗ reactive trigger firing: " + alert);
            verdict = Verdict.FAIL;
        }
        if (e.reactiveAlerts().isEmpty()) {
            lines.add("✓ no reactive trigger firing for the registry or its destination");
        }
        lines.add(0, "Verdict " + verdict);
        return new Judgement(verdict, lines);
    }

    private static Verdict prediction(MovePrediction p, ValidationCriteria c, List<String> lines) {
        if (p.predicted() == null || p.measured() == null) {
            return Verdict.PASS;
        }
        // only worse than predicted is a concern; the error either way is stored to calibrate the model
        double error = p.measured() - p.predicted();
        Verdict v = error > c.predictionMarginalPp() ? Verdict.MARGINAL : Verdict.PASS;
        lines.add(line(
                v,
                "  %s %s: predicted %.1f %%, measured %.1f %% (error %+.1f pp; marginal when over by more than %.1f)",
                p.stamp(),
                p.pool(),
                p.predicted(),
                p.measured(),
                error,
                c.predictionMarginalPp()));
        return v;
    }

    private static Verdict worse(Verdict a, Verdict b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private static String line(Verdict v, String format, Object... args) {
        String mark = switch (v) {
            case PASS -> "✓ ";
            case MARGINAL -> "⚠ ";
            case FAIL -> "✗ ";
        };
        return mark + String.format(Locale.ROOT, format, args);
    }
}
