package dev.stampboard.signals.engine;

import dev.stampboard.fleet.PoolKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The traffic half of the engine: per replica and per stamp, one minute ring of requests, bytes,
 * throttled, errors and p99 each, and which stamp served each replica minute. Not thread-safe on
 * its own: {@link SignalEngine} calls it under its lock, after the time checks.
 */
final class TrafficLedger {

    private final List<String> stampNames = new ArrayList<>();
    /** Per stamp index: the stamp as the subject of its alerts. */
    private final List<AlertSubject.Stamp> stampSubjects = new ArrayList<>();
    /** Per stamp index: the sum over the replicas served in each minute; p99 is their maximum. */
    private final List<TrafficRing> stampRings = new ArrayList<>();
    /** Per stamp index: replicas it has served within retention (stale ones only cost a scan). */
    private final List<Set<Replica>> served = new ArrayList<>();

    private final Map<AlertSubject.Replica, Replica> replicas = new LinkedHashMap<>();
    private final Map<String, Integer> stampIndex = new LinkedHashMap<>();

    private static final class Replica {
        final String registry;
        final String region;
        final AlertSubject.Replica subject;
        final TrafficRing ring;

        Replica(AlertSubject.Replica subject, int retention) {
            this.registry = subject.registry().value();
            this.region = subject.region().value();
            this.subject = subject;
            this.ring = new TrafficRing(retention);
        }
    }

    /** Called for each new stamp, in the engine's stamp-index order. */
    void addStamp(String name, int retention) {
        stampIndex.put(name, stampNames.size());
        stampNames.add(name);
        stampSubjects.add(AlertSubject.stamp(name));
        stampRings.add(new TrafficRing(retention));
        served.add(new LinkedHashSet<>());
    }

    /**
     * See {@link SignalEngine#recordTraffic}: the checks in order (unknown stamp, values, time, duplicate), then the
     * record kept when {@code record}.
     */
    SampleVerdict traffic(ReplicaMinute replicaMinute, TrafficCounts counts, EngineTime time, boolean record) {
        String registry = replicaMinute.registry().value();
        String region = replicaMinute.region().value();
        String stamp = replicaMinute.stamp().value();
        long minute = replicaMinute.minute();
        Integer index = stampIndex.get(stamp);
        if (index == null) {
            return SampleVerdict.reject(
                    SampleVerdict.Cause.UNKNOWN_STAMP,
                    "unknown stamp '" + stamp + "': declare its pools (declarePool) before sending traffic");
        }
        String problem = problem(
                registry,
                region,
                counts.requests(),
                counts.bytes(),
                counts.throttled(),
                counts.errors(),
                counts.p99Ms());
        if (problem != null) {
            return SampleVerdict.reject(SampleVerdict.Cause.INVALID_VALUES, problem);
        }
        SampleVerdict timeProblem = time.timeProblem(minute, "");
        if (timeProblem != null) {
            return timeProblem;
        }
        AlertSubject.Replica subject = new AlertSubject.Replica(replicaMinute.registry(), replicaMinute.region());
        String duplicateOf = !record
                ? recordedStamp(subject, minute)
                : record(
                        subject,
                        index,
                        minute,
                        counts.requests(),
                        counts.bytes(),
                        counts.throttled(),
                        counts.errors(),
                        counts.p99Ms(),
                        time.retentionMinutes());
        if (duplicateOf != null) {
            return SampleVerdict.reject(
                    SampleVerdict.Cause.DUPLICATE,
                    "duplicate traffic for " + registry + "@" + region + " at minute " + EngineTime.instant(minute)
                            + " (served by '" + duplicateOf + "'); the first record is kept");
        }
        return SampleVerdict.accept();
    }

    /** The traffic-specific checks; null when the record is acceptable. */
    static @Nullable String problem(
            String registry, String region, long requests, long bytes, long throttled, long errors, double p99Ms) {
        if (registry == null || registry.isBlank() || region == null || region.isBlank()) {
            return "registry and region are both required";
        }
        if (requests < 0 || bytes < 0 || throttled < 0 || errors < 0) {
            return "traffic counts must not be negative";
        }
        if (throttled > requests || errors > requests) {
            return "throttled (" + throttled + ") and errors (" + errors + ") cannot exceed requests (" + requests
                    + ")";
        }
        if (requests > 0 && (!Double.isFinite(p99Ms) || p99Ms < 0)) {
            return "p99 latency " + p99Ms + " ms must be a finite number >= 0 when there were requests";
        }
        return null;
    }

    /** The stamp that served the replica's stored minute, or null when the ledger has no record of that minute. */
    @Nullable
    String recordedStamp(AlertSubject.Replica subject, long minute) {
        Replica replica = replicas.get(subject);
        if (replica == null) {
            return null;
        }
        int recorded = replica.ring.slotOf(minute);
        return recorded >= 0 ? stampNames.get(replica.ring.stampIn(recorded)) : null;
    }

    /** Returns the stamp that already served this replica minute (a duplicate), or null when recorded. */
    @Nullable
    String record(
            AlertSubject.Replica subject,
            int stamp,
            long minute,
            long requests,
            long bytes,
            long throttled,
            long errors,
            double p99Ms,
            int retention) {
        Replica replica = replicas.computeIfAbsent(subject, key -> new Replica(key, retention));
        int recorded = replica.ring.slotOf(minute);
        if (recorded >= 0) {
            return stampNames.get(replica.ring.stampIn(recorded));
        }
        replica.ring.add(minute, stamp, requests, bytes, throttled, errors, p99Ms);
        stampRings.get(stamp).add(minute, stamp, requests, bytes, throttled, errors, p99Ms);
        served.get(stamp).add(replica);
        return null;
    }

    List<TrafficShare> shares(int stamp, PoolKind pool, MinuteRange range) {
        List<long[]> totals = new ArrayList<>();
        List<Replica> present = new ArrayList<>();
        long grandTotal = 0;
        for (Replica replica : served.get(stamp)) {
            long req = 0;
            long byteCount = 0;
            boolean seen = false;
            for (long m = range.fromMinute(); m <= range.toMinute(); m++) {
                int s = replica.ring.slotOf(m);
                if (s >= 0 && replica.ring.stampIn(s) == stamp) {
                    seen = true;
                    req += replica.ring.requestsIn(s);
                    byteCount += replica.ring.bytesIn(s);
                }
            }
            if (seen) {
                present.add(replica);
                totals.add(new long[] {req, byteCount});
                grandTotal += pool == PoolKind.REGISTRY ? req : byteCount;
            }
        }
        List<TrafficShare> shares = new ArrayList<>(present.size());
        for (int i = 0; i < present.size(); i++) {
            long[] t = totals.get(i);
            long measure = pool == PoolKind.REGISTRY ? t[0] : t[1];
            double share = grandTotal == 0 ? 0.0 : (double) measure / grandTotal;
            Replica r = present.get(i);
            shares.add(new TrafficShare(r.registry, r.region, share, t[0], t[1]));
        }
        shares.sort(Comparator.comparingDouble(TrafficShare::share)
                .reversed()
                .thenComparing(TrafficShare::registry)
                .thenComparing(TrafficShare::region));
        return shares;
    }

    /** How many of the latest minutes may still be unreported when a reactive rule is judged (late collectors). */
    static final int REPORTING_DELAY_MINUTES = 5;

    /** Stamps (declaration order) first, then replicas; rules in settings order. */
    List<ReactiveAlert> alerts(List<ReactiveRule> rules, long now, long oldest) {
        return alerts(subject -> rules, now, oldest);
    }

    List<ReactiveAlert> alerts(
            java.util.function.Function<AlertSubject, List<ReactiveRule>> rulesOfSubject, long now, long oldest) {
        List<ReactiveAlert> alerts = new ArrayList<>();
        for (int i = 0; i < stampSubjects.size(); i++) {
            AlertSubject subject = stampSubjects.get(i);
            collectAlerts(subject, stampRings.get(i), rulesOfSubject.apply(subject), now, oldest, alerts);
        }
        for (Replica replica : replicas.values()) {
            collectAlerts(replica.subject, replica.ring, rulesOfSubject.apply(replica.subject), now, oldest, alerts);
        }
        return alerts;
    }

    private static void collectAlerts(
            AlertSubject subject,
            TrafficRing ring,
            List<ReactiveRule> rules,
            long now,
            long oldest,
            List<ReactiveAlert> into) {
        // the streak ends at the latest minute reported: telemetry from outside arrives minutes late, so the current
        // minute is usually still empty; a subject silent for longer than the delay allowed has nothing firing
        long latest = now;
        while (latest > now - REPORTING_DELAY_MINUTES && latest > oldest && !ring.has(latest)) {
            latest--;
        }
        for (ReactiveRule rule : rules) {
            long m = latest;
            while (m >= oldest && ring.value(rule.metric(), m) > rule.threshold()) {
                m--;
            }
            long streak = latest - m;
            if (streak >= rule.sustainedMinutes()) {
                into.add(new ReactiveAlert(subject, rule, m + 1, ring.value(rule.metric(), latest)));
            }
        }
    }

    double[] series(
            AlertSubject subject, ReactiveMetric metric, long fromMinute, long toMinute, long now, long oldest) {
        TrafficRing ring = ringOf(subject);
        double[] series = new double[Math.toIntExact(toMinute - fromMinute + 1)];
        for (int i = 0; i < series.length; i++) {
            long m = fromMinute + i;
            series[i] = m < oldest || m > now ? Double.NaN : ring.value(metric, m);
        }
        return series;
    }

    TrafficSeries replicaTraffic(
            String registry, String region, long fromMinute, long toMinute, long now, long oldest) {
        int length = Math.toIntExact(toMinute - fromMinute + 1);
        long[] minutes = new long[length];
        double[] requests = new double[length];
        double[] bytes = new double[length];
        String[] servedBy = new String[length];
        Arrays.fill(requests, Double.NaN);
        Arrays.fill(bytes, Double.NaN);
        Replica replica = replicas.get(AlertSubject.replica(registry, region));
        for (int i = 0; i < length; i++) {
            long m = fromMinute + i;
            minutes[i] = m;
            if (replica == null || m < oldest || m > now) {
                continue;
            }
            int s = replica.ring.slotOf(m);
            if (s >= 0) {
                requests[i] = replica.ring.requestsIn(s);
                bytes[i] = replica.ring.bytesIn(s);
                servedBy[i] = stampNames.get(replica.ring.stampIn(s));
            }
        }
        return new TrafficSeries(minutes, requests, bytes, servedBy);
    }

    void resize(int retention, long now) {
        stampRings.forEach(ring -> ring.resize(retention, now));
        replicas.values().forEach(replica -> replica.ring.resize(retention, now));
    }

    private TrafficRing ringOf(AlertSubject subject) {
        if (subject instanceof AlertSubject.Stamp stamp) {
            Integer index = stampIndex.get(stamp.name().value());
            if (index == null) {
                throw new IllegalArgumentException("no stamp named '" + stamp.label() + "'");
            }
            return stampRings.get(index);
        }
        Replica replica = replicas.get((AlertSubject.Replica) subject);
        if (replica == null) {
            throw new IllegalArgumentException("no traffic recorded for " + subject.label());
        }
        return replica.ring;
    }
}
