package dev.stampboard.score;

import dev.stampboard.score.engine.Contribution;
import java.util.List;

/**
 * A stamp's latest score (0–100) by model {@code version}, scored at {@code minute} (epoch minute) from the minutes
 * up to the one before, with its breakdown: contributions plus {@code intercept} make {@code logit}.
 */
public record StampScore(
        String stamp,
        double score,
        int version,
        long minute,
        double intercept,
        double logit,
        List<Contribution> breakdown) {}
