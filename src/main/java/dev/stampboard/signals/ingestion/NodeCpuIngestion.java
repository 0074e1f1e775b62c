package dev.stampboard.signals.ingestion;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import dev.stampboard.signals.SignalFeed;
import dev.stampboard.signals.engine.SampleVerdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per-node per-minute CPU from outside (the JSON API, Azure Monitor): checked, recorded, stored. */
@Service
public class NodeCpuIngestion {

    static final int MAX_SAMPLES_PER_REQUEST = 200_000;

    private final SignalFeed signals;
    private final CpuSampleStore store;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final IngestionMetrics metrics;

    NodeCpuIngestion(
            SignalFeed signals,
            CpuSampleStore store,
            ApplicationEventPublisher events,
            CurrentUser currentUser,
            IngestionMetrics metrics) {
        this.signals = signals;
        this.store = store;
        this.events = events;
        this.currentUser = currentUser;
        this.metrics = metrics;
    }

    /**
     * Checks every sample and stores the valid ones; each other sample is reported with its index
     * and the reason. Duplicates (a node already has a sample for that minute, from before or
     * earlier in the same request) are rejected and the first value kept, so a retried request
     * changes nothing.
     */
    @Transactional
    public IngestReport ingest(List<@Nullable CpuSampleInput> samples, Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER, Role.INGEST);
        if (samples.size() > MAX_SAMPLES_PER_REQUEST) {
            throw new InvalidInputException(
                    "At most " + MAX_SAMPLES_PER_REQUEST + " samples per request; split the batch");
        }
        Rejections rejections = new Rejections();
        List<CpuSampleStore.StoredSample> checked = new ArrayList<>();
        List<Integer> checkedIndex = new ArrayList<>();
        Set<String> inRequest = new HashSet<>();
        for (int i = 0; i < samples.size(); i++) {
            CpuSampleInput in = samples.get(i);
            String problem = in == null ? "sample is null" : syntaxProblem(in);
            if (problem != null) {
                rejections.add(i, Rejections.MALFORMED, problem);
                continue;
            }
            PoolKind pool = PoolKind.valueOf(in.pool().trim().toUpperCase());
            long minute = Instant.parse(in.minute()).getEpochSecond() / 60;
            SampleVerdict verdict = signals.checkCpu(in.stamp(), pool, in.node(), minute, in.cpu());
            if (!verdict.accepted()) {
                rejections.add(i, verdict);
            } else if (!inRequest.add(in.stamp() + '/' + pool + '/' + in.node() + '@' + minute)) {
                rejections.add(
                        i,
                        SampleVerdict.Cause.DUPLICATE.name(),
                        "duplicate sample for node '" + in.node() + "' at minute " + in.minute()
                                + " (earlier in this request); the first value is kept");
            } else {
                checked.add(new CpuSampleStore.StoredSample(
                        in.stamp(), pool, in.node(), minute, in.cpu().floatValue()));
                checkedIndex.add(i);
            }
        }
        // the database decides who was first: another console instance may have stored the same node-minute a moment
        // ago, before this instance's engine followed it
        List<CpuSampleStore.StoredSample> accepted = new ArrayList<>();
        boolean[] stored = checked.isEmpty() ? new boolean[0] : store.insertNew(checked);
        for (int k = 0; k < stored.length; k++) {
            CpuSampleStore.StoredSample s = checked.get(k);
            if (stored[k]) {
                accepted.add(s);
            } else {
                rejections.add(
                        checkedIndex.get(k),
                        SampleVerdict.Cause.DUPLICATE.name(),
                        "duplicate sample for node '" + s.node() + "' at minute "
                                + Instant.ofEpochSecond(s.minute() * 60) + " (stored by another console instance);"
                                + " the first value is kept");
            }
        }
        // the engine learns what is stored, once it is: a rolled-back request leaves no trace in it
        AfterCommit.run(
                () -> accepted.forEach(s -> signals.recordCpu(s.stamp(), s.pool(), s.node(), s.minute(), s.cpu())));
        events.publishEvent(
                new TelemetryIngested(actor, IngestionMetrics.NODE_CPU, accepted.size(), rejections.size()));
        metrics.count(IngestionMetrics.NODE_CPU, accepted.size(), rejections);
        return new IngestReport(accepted.size(), rejections.rows());
    }

    private static @Nullable String syntaxProblem(CpuSampleInput in) {
        if (in.stamp() == null || in.stamp().isBlank()) {
            return "stamp is missing";
        }
        if (in.pool() == null || in.pool().isBlank()) {
            return "pool is missing (REGISTRY or DATAPROXY)";
        }
        try {
            PoolKind.valueOf(in.pool().trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return "unknown pool '" + in.pool() + "': use REGISTRY or DATAPROXY";
        }
        if (in.node() == null || in.node().isBlank()) {
            return "node is missing";
        }
        String minuteProblem = Minutes.problem(in.minute());
        if (minuteProblem != null) {
            return minuteProblem;
        }
        if (in.cpu() == null) {
            return "cpu is missing";
        }
        return null;
    }
}
