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
            CpuSampleInput raw = samples.get(i);
            Checked in;
            try {
                in = check(raw);
            } catch (Malformed malformed) {
                rejections.add(i, Rejections.MALFORMED, malformed.reason);
                continue;
            }
            PoolKind pool = in.pool();
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
                checked.add(new CpuSampleStore.StoredSample(in.stamp(), pool, in.node(), minute, (float) in.cpu()));
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

    /** A sample whose fields are all present and well formed (stamp and node as sent, the pool parsed). */
    private record Checked(String stamp, PoolKind pool, String node, String minute, double cpu) {}

    /** The first problem with a sample's fields; its message goes back to the sender as the refusal. */
    private static final class Malformed extends Exception {
        final String reason;

        Malformed(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    private static Checked check(@Nullable CpuSampleInput in) throws Malformed {
        if (in == null) {
            throw new Malformed("sample is null");
        }
        String stamp = in.stamp();
        if (stamp == null || stamp.isBlank()) {
            throw new Malformed("stamp is missing");
        }
        String poolName = in.pool();
        if (poolName == null || poolName.isBlank()) {
            throw new Malformed("pool is missing (REGISTRY or DATAPROXY)");
        }
        PoolKind pool;
        try {
            pool = PoolKind.valueOf(poolName.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new Malformed("unknown pool '" + poolName + "': use REGISTRY or DATAPROXY");
        }
        String node = in.node();
        if (node == null || node.isBlank()) {
            throw new Malformed("node is missing");
        }
        String minute = in.minute();
        String minuteProblem = Minutes.problem(minute);
        if (minute == null || minuteProblem != null) {
            throw new Malformed(minuteProblem == null ? "minute is missing" : minuteProblem);
        }
        Double cpu = in.cpu();
        if (cpu == null) {
            throw new Malformed("cpu is missing");
        }
        return new Checked(stamp, pool, node, minute, cpu);
    }
}
