package dev.stampboard.cutover;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.planning.PlanId;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.StateSince;
import dev.stampboard.signals.engine.AlertSubject;
import dev.stampboard.signals.engine.MinuteRange;
import dev.stampboard.signals.engine.PoolState;
import dev.stampboard.signals.engine.ReactiveMetric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Watches a validating move through its whole window (DESIGN §5, issue 12): each executor pass appends the minutes
 * since the last pass of both stamps' pools (hot-node values) and of the registry's replica (requests, p99,
 * throttling) to {@code validation_series}, so the verdict can judge the whole 24 h / 48 h and not only the
 * trailing 12 h the signals engine keeps. It also fails a move early when a fail criterion is sustained: the
 * destination HOT for {@value #HOT_SUSTAINED_MINUTES} minutes, or the throttling rule firing on the destination
 * (or for the replica since it arrived there).
 */
@Component
class ValidationWatch {

    static final int HOT_SUSTAINED_MINUTES = 30;
    static final String REQUESTS = "replica/requests";
    static final String P99 = "replica/p99";
    static final String THROTTLING = "replica/throttling";

    private final SignalsService signals;
    private final JdbcClient jdbc;

    ValidationWatch(SignalsService signals, JdbcClient jdbc) {
        this.signals = signals;
        this.jdbc = jdbc;
    }

    static String poolSeries(String stamp, PoolKind pool) {
        return stamp + "/" + pool.name();
    }

    /**
     * Appends the minutes not yet stored, from the cutover up to the window's end, each once it is {@code lag} old:
     * a minute is stored once and never read again, so it must wait for telemetry that arrives late.
     */
    void record(MoveRun m, Instant now, java.time.Duration lag) {
        if (m.cutoverAt == null) {
            return;
        }
        long first = m.cutoverAt.getEpochSecond() / 60;
        long settled = Math.min(signals.nowMinute(), now.getEpochSecond() / 60) - lag.toMinutes();
        long last = Math.min(settled, (m.validateUntil == null ? now : m.validateUntil).getEpochSecond() / 60);
        long until = storedUntil(m);
        long from = until == Long.MIN_VALUE ? first : Math.max(first, until + 1);
        // older minutes are no longer held by the signals engine: start where it still has data
        long oldest = signals.nowMinute() - signals.settings().retentionMinutes() + 1;
        from = Math.max(from, oldest);
        if (from > last) {
            return;
        }
        MinuteRange range = new MinuteRange(from, last);
        Map<String, double[]> chunk = new LinkedHashMap<>();
        for (String stamp : List.of(m.execution.fromStamp(), m.execution.toStamp())) {
            for (PoolKind pool : PoolKind.values()) {
                float[] hot = signals.hotNodeMinutes(stamp, pool, range);
                double[] values = new double[hot.length];
                for (int i = 0; i < hot.length; i++) {
                    values[i] = hot[i];
                }
                chunk.put(poolSeries(stamp, pool), values);
            }
        }
        AlertSubject replica = AlertSubject.replica(m.registry(), m.execution.region());
        chunk.put(
                REQUESTS,
                signals.replicaTraffic(m.registry(), m.execution.region(), range)
                        .requests());
        chunk.put(P99, signals.reactiveSeries(replica, ReactiveMetric.P99_LATENCY_MS, range));
        chunk.put(THROTTLING, signals.reactiveSeries(replica, ReactiveMetric.THROTTLING_RATE, range));
        chunk.forEach((series, values) -> jdbc.sql(
                        "insert into validation_series (plan_id, seq, series, from_minute, minute_values)"
                                + " values (?, ?, ?, ?, ?)")
                .params(m.planId.value(), m.seq, series, range.fromMinute(), encode(values))
                .update());
    }

    private long storedUntil(MoveRun m) {
        long[] until = {Long.MIN_VALUE};
        jdbc.sql(
                        "select from_minute, minute_values from validation_series where plan_id = ? and seq = ? and series = ?")
                .params(m.planId.value(), m.seq, REQUESTS)
                .query(rs -> {
                    int n = rs.getString("minute_values").split(",", -1).length;
                    until[0] = Math.max(until[0], rs.getLong("from_minute") + n - 1);
                });
        return until[0];
    }

    /** Every stored minute of the move's window per series, in minute order (NaN where there was no value). */
    Map<String, double[]> window(PlanId planId, int seq) {
        Map<String, List<double[]>> chunks = new LinkedHashMap<>();
        jdbc.sql("select series, from_minute, minute_values from validation_series where plan_id = ? and seq = ?"
                        + " order by series, from_minute")
                .params(planId.value(), seq)
                .query(rs -> {
                    chunks.computeIfAbsent(rs.getString("series"), k -> new ArrayList<>())
                            .add(decode(rs.getString("minute_values")));
                });
        Map<String, double[]> out = new LinkedHashMap<>();
        chunks.forEach((series, parts) -> {
            int n = parts.stream().mapToInt(p -> p.length).sum();
            double[] all = new double[n];
            int i = 0;
            for (double[] p : parts) {
                System.arraycopy(p, 0, all, i, p.length);
                i += p.length;
            }
            out.put(series, all);
        });
        return out;
    }

    /** A fail criterion sustained now, in words; empty when none is. */
    Optional<String> sustainedFailure(MoveRun m) {
        String to = m.execution.toStamp();
        long now = signals.nowMinute();
        for (PoolKind pool : PoolKind.values()) {
            StateSince state = signals.stateSince(to, pool);
            if (state.state() == PoolState.HOT && now - state.sinceMinute() >= HOT_SUSTAINED_MINUTES) {
                return Optional.of(String.format(
                        Locale.ROOT,
                        "destination %s %s HOT for %d min (hot-node P95 %.1f %% above"
                                + " the %.1f %% threshold since %s)",
                        to,
                        pool,
                        now - state.sinceMinute(),
                        signals.hotNodeP95(to, pool).orElse(Double.NaN),
                        signals.settings().hotThreshold(),
                        Instant.ofEpochSecond(state.sinceMinute() * 60)));
            }
        }
        long arrived = m.cutoverAt == null ? now : m.cutoverAt.getEpochSecond() / 60;
        AlertSubject replica = AlertSubject.replica(m.registry(), m.execution.region());
        AlertSubject destination = AlertSubject.stamp(to);
        return signals.activeAlerts().stream()
                .filter(a -> a.rule().metric() == ReactiveMetric.THROTTLING_RATE)
                .filter(a ->
                        a.subject().equals(destination) || (a.subject().equals(replica) && a.sinceMinute() >= arrived))
                .findFirst()
                .map(a -> String.format(
                        Locale.ROOT,
                        "throttling sustained on %s since %s (%.1f %% of requests now)",
                        a.subject().label(),
                        Instant.ofEpochSecond(a.sinceMinute() * 60),
                        100 * a.latestValue()));
    }

    void saveDrain(MoveRun m, Instant cutoverAt, DrainWatch.Drain drain) {
        jdbc.sql("delete from move_drain where plan_id = ? and seq = ?")
                .params(m.planId.value(), m.seq)
                .update();
        jdbc.sql("insert into move_drain (plan_id, seq, cutover_at, ended_after_s, curve) values (?, ?, ?, ?, ?)")
                .params(
                        m.planId.value(),
                        m.seq,
                        java.time.OffsetDateTime.ofInstant(cutoverAt, java.time.ZoneOffset.UTC),
                        drain.endedAfterSeconds(),
                        drain.describe())
                .update();
    }

    /** How the move's source drained, in words; null before it has. */
    @org.jspecify.annotations.Nullable
    String drain(PlanId planId, int seq) {
        return jdbc.sql("select curve from move_drain where plan_id = ? and seq = ?")
                .params(planId.value(), seq)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    static String encode(double[] values) {
        StringBuilder sb = new StringBuilder(values.length * 6);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (!Double.isNaN(values[i])) {
                sb.append(String.format(Locale.ROOT, "%.4g", values[i]));
            }
        }
        return sb.toString();
    }

    static double[] decode(String text) {
        String[] parts = text.split(",", -1);
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parts[i].isEmpty() ? Double.NaN : Double.parseDouble(parts[i]);
        }
        return out;
    }
}
