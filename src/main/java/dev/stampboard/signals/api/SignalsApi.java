package dev.stampboard.signals.api;

import dev.stampboard.base.InvalidInputException;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.security.Role;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.StampSignals;
import dev.stampboard.signals.TriggerService;
import dev.stampboard.signals.engine.HotNodeSeries;
import dev.stampboard.signals.engine.StampTrigger;
import dev.stampboard.signals.engine.TriggerKind;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** DESIGN §11: stamps with their pools' signals, hot-node series, and traffic shares (ingestion is {@link TelemetryApi}). */
@RestController
@RequestMapping("/api/v1")
class SignalsApi {

    private final SignalsService signals;
    private final TriggerService triggers;

    SignalsApi(SignalsService signals, TriggerService triggers) {
        this.signals = signals;
        this.triggers = triggers;
    }

    @GetMapping("/stamps")
    @Secured(Role.Authority.VIEWER)
    List<StampJson> stamps(@RequestParam(required = false) @Nullable String region) {
        List<StampSignals> stamps = signals.stampSignalsIn(region);
        Map<String, List<StampTrigger>> triggered = new HashMap<>();
        stamps.stream().map(s -> s.stamp().region()).distinct().forEach(r -> triggered.putAll(triggers.triggeredIn(r)));
        return stamps.stream()
                .map(s -> StampJson.of(s, triggered.getOrDefault(s.stamp().name(), List.of())))
                .toList();
    }

    @GetMapping("/stamps/{stamp}")
    @Secured(Role.Authority.VIEWER)
    StampJson stamp(@PathVariable String stamp) {
        return StampJson.of(signals.stampSignals(stamp), triggers.of(stamp));
    }

    @GetMapping("/stamps/{stamp}/pools/{pool}/hot-node")
    @Secured(Role.Authority.VIEWER)
    HotNodeJson hotNode(
            @PathVariable String stamp,
            @PathVariable String pool,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        PoolKind kind = poolKind(pool);
        HotNodeSeries series = signals.hotNodeSeries(stamp, kind, minuteParam("from", from), minuteParam("to", to));
        var range = signals.peakWindowOf(stamp).rangeAt(signals.nowMinute());
        Instant fromInstant = from == null ? minuteInstant(range.fromMinute()) : Instant.parse(from);
        Instant toInstant = to == null ? minuteInstant(range.toMinute()) : Instant.parse(to);
        List<Instant> minutes = Arrays.stream(series.minutes())
                .mapToObj(SignalsApi::minuteInstant)
                .toList();
        List<Double> values = Arrays.stream(series.values())
                .map(SignalsApi::asWritten)
                .boxed()
                .toList();
        return new HotNodeJson(
                stamp,
                kind,
                fromInstant,
                toInstant,
                minutes,
                values,
                series.p95().isPresent() ? asWritten(series.p95().getAsDouble()) : null,
                signals.settings().hotThreshold());
    }

    @GetMapping("/stamps/{stamp}/traffic-share")
    @Secured(Role.Authority.VIEWER)
    TrafficShareJson trafficShare(@PathVariable String stamp, @RequestParam(defaultValue = "DATAPROXY") String pool) {
        PoolKind kind = poolKind(pool);
        return new TrafficShareJson(
                stamp,
                kind,
                signals.trafficShare(stamp, kind).stream()
                        .map(s -> new TrafficShareJson.Share(
                                s.registry(), s.region(), s.share(), s.requests(), s.bytes()))
                        .toList());
    }

    private static PoolKind poolKind(String pool) {
        try {
            return PoolKind.valueOf(pool.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Unknown pool '" + pool + "': use REGISTRY or DATAPROXY");
        }
    }

    private static @Nullable Long minuteParam(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value).getEpochSecond() / 60;
        } catch (DateTimeException e) {
            throw new InvalidInputException(
                    "'" + name + "' must be an ISO-8601 UTC instant such as 2026-11-26T00:00:00Z");
        }
    }

    private static Instant minuteInstant(long minute) {
        return Instant.ofEpochSecond(minute * 60);
    }

    /**
     * A stamp row; {@code triggers} says which signals trigger it now (empty: not triggered), each with its kind
     * ({@code P95}, {@code REACTIVE}, {@code SCORE}) and what a person reads.
     */
    record StampJson(
            String name, String region, String kind, String status, List<PoolJson> pools, List<TriggerJson> triggers) {
        static StampJson of(StampSignals s, List<StampTrigger> triggers) {
            return new StampJson(
                    s.stamp().name(),
                    s.stamp().region(),
                    s.stamp().kind().name(),
                    s.stamp().status().name(),
                    s.pools().stream()
                            .map(p -> new PoolJson(
                                    p.pool(),
                                    p.nodes(),
                                    p.hotNodeP95() == null ? null : asWritten(p.hotNodeP95()),
                                    p.threshold(),
                                    p.state().name(),
                                    minuteInstant(p.since().sinceMinute()),
                                    p.since().atLeast()))
                            .toList(),
                    triggers.stream()
                            .map(t -> new TriggerJson(t.kind(), t.detail()))
                            .toList());
        }
    }

    record TriggerJson(TriggerKind kind, String detail) {}

    /**
     * {@code stateSince}: the minute the pool entered its state, the same on every console instance; {@code
     * stateSinceAtLeast}: it was already in it when the console started observing it.
     */
    record PoolJson(
            PoolKind pool,
            int nodes,
            @Nullable Double hotNodeP95,
            double threshold,
            String state,
            Instant stateSince,
            boolean stateSinceAtLeast) {}

    record HotNodeJson(
            String stamp,
            PoolKind pool,
            Instant from,
            Instant to,
            List<Instant> minutes,
            List<Double> values,
            @Nullable Double p95,
            double threshold) {}

    record TrafficShareJson(String stamp, PoolKind pool, List<Share> registries) {
        record Share(String registry, String region, double share, long requests, long bytes) {}
    }

    /**
     * The engine keeps CPU as float; widening 91.2f gives 91.19999694824219. A P95 is always one
     * of the samples, so printing the float's shortest decimal gives back exactly what was sent.
     */
    static double asWritten(double v) {
        return Double.parseDouble(Float.toString((float) v));
    }
}
