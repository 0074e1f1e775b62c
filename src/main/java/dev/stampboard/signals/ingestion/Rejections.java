package dev.stampboard.signals.ingestion;

import dev.stampboard.signals.engine.SampleVerdict;
import java.util.ArrayList;
import java.util.List;

/** The refused rows of one request: index and reason for the caller, a bounded cause for the counters. */
final class Rejections {

    /** Causes found at the edge, before the engine sees a row; the engine's own come from {@link SampleVerdict.Cause}. */
    static final String MALFORMED = "MALFORMED";

    static final String UNKNOWN_REGISTRY = "UNKNOWN_REGISTRY";
    static final String UNKNOWN_REGION = "UNKNOWN_REGION";
    static final String NOT_HOME_STAMP = "NOT_HOME_STAMP";

    private final List<IngestReport.Rejected> rejected = new ArrayList<>();
    private final List<String> causes = new ArrayList<>();

    void add(int index, String cause, String reason) {
        rejected.add(new IngestReport.Rejected(index, reason));
        causes.add(cause);
    }

    void add(int index, SampleVerdict verdict) {
        String reason = verdict.reason();
        if (verdict.accepted() || reason == null) {
            throw new IllegalArgumentException("an accepted sample is not a rejection");
        }
        add(index, verdict.cause().name(), reason);
    }

    /** In the order of the request (a row refused by the database is added after those refused by the checks). */
    List<IngestReport.Rejected> rows() {
        return rejected.stream()
                .sorted(java.util.Comparator.comparingInt(IngestReport.Rejected::index))
                .toList();
    }

    List<String> causes() {
        return causes;
    }

    int size() {
        return rejected.size();
    }
}
