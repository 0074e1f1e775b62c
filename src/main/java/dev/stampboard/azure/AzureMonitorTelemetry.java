package dev.stampboard.azure;

import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import com.azure.monitor.query.MetricsQueryClient;
import com.azure.monitor.query.models.AggregationType;
import com.azure.monitor.query.models.MetricResult;
import com.azure.monitor.query.models.MetricValue;
import com.azure.monitor.query.models.MetricsQueryOptions;
import com.azure.monitor.query.models.MetricsQueryResult;
import com.azure.monitor.query.models.QueryTimeInterval;
import com.azure.monitor.query.models.TimeSeriesElement;
import dev.stampboard.azure.ObservedFleet.ObservedScaleSet;
import dev.stampboard.azure.ObservedFleet.ObservedStamp;
import dev.stampboard.base.Actor;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.ingestion.CpuSampleInput;
import dev.stampboard.signals.ingestion.IngestReport;
import dev.stampboard.signals.ingestion.NodeCpuIngestion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per-instance {@code Percentage CPU} of every stamp scale set from Azure Monitor, one-minute average,
 * split by the {@code VMName} dimension, fed through the same ingestion as the JSON API. Polling is
 * incremental: each scale set remembers the end of its last fetched span, and a minute is fetched
 * once it is {@code telemetry-lag} old (Monitor fills the newest minutes late). Minutes without a
 * value are gaps, never zeros. A throttled answer (429) pauses polling for its Retry-After; any
 * other failure, or an answer whose metric carries an error, leaves that scale set's span to be
 * asked again next time.
 */
@Component
@Profile("azure")
public class AzureMonitorTelemetry {

    static final String METRIC = "Percentage CPU";
    static final String SPLIT_BY_INSTANCE = "VMName eq '*'";
    static final Actor ACTOR = Actor.system("azure-monitor");
    /** Monitor's own default; never ask for fewer. */
    private static final int MIN_SERIES = 10;

    private static final Duration DEFAULT_BACKOFF = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(AzureMonitorTelemetry.class);

    private final MetricsQueryClient metrics;
    private final AzureInventory inventory;
    private final NodeCpuIngestion ingestion;
    private final AzureProperties properties;
    private final Clock clock;
    private final AzurePollMetrics pollMetrics;
    /** Per scale set id: the first minute not yet fetched. */
    private final Map<String, Instant> nextMinute = new ConcurrentHashMap<>();

    private volatile Instant pausedUntil = Instant.MIN;

    AzureMonitorTelemetry(
            MetricsQueryClient metrics,
            AzureInventory inventory,
            NodeCpuIngestion ingestion,
            AzureProperties properties,
            Clock clock,
            AzurePollMetrics pollMetrics) {
        this.pollMetrics = pollMetrics;
        this.metrics = metrics;
        this.inventory = inventory;
        this.ingestion = ingestion;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one poll did: samples accepted, rejected by the engine (duplicates, …), and each scale set that failed. */
    public record PollReport(int accepted, int rejected, List<String> failures, boolean paused) {}

    @Scheduled(
            initialDelayString = "${stampboard.azure.initial-delay:PT0S}",
            fixedDelayString = "${stampboard.azure.telemetry-interval:PT1M}")
    void scheduledPoll() {
        if (!inventory.elected()) {
            return; // another instance polls; this one follows what it stores
        }
        if (inventory.latest() == ObservedFleet.EMPTY) {
            try {
                inventory
                        .refresh(); // just elected: the scale sets to ask for, without waiting for the inventory's turn
            } catch (AzureCallFailed e) {
                log.warn("{}; telemetry waits for the next inventory", e.getMessage());
                return;
            }
        }
        PollReport report = poll();
        report.failures().forEach(log::warn);
    }

    /** Polls every scale set the inventory knows, skipping everything while a 429's Retry-After runs. */
    public synchronized PollReport poll() {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return new PollReport(0, 0, List.of(), true);
        }
        Instant end = now.minus(properties.telemetryLag()).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        int accepted = 0;
        int rejected = 0;
        List<String> failures = new ArrayList<>();
        for (ObservedStamp stamp : inventory.latest().stamps().values()) {
            for (Map.Entry<PoolKind, ObservedScaleSet> pool : stamp.pools().entrySet()) {
                ObservedScaleSet scaleSet = pool.getValue();
                Instant start = nextMinute.getOrDefault(scaleSet.id(), end.minus(properties.telemetryBackfill()));
                if (!start.isBefore(end)) {
                    continue;
                }
                try {
                    List<CpuSampleInput> samples = fetch(stamp.name(), pool.getKey(), scaleSet, start, end);
                    if (!samples.isEmpty()) {
                        IngestReport ingested = ingestion.ingest(new ArrayList<>(samples), ACTOR);
                        accepted += ingested.accepted();
                        rejected += ingested.rejected().size();
                    }
                    nextMinute.put(scaleSet.id(), end);
                } catch (AzureCallFailed e) {
                    failures.add(e.getMessage() + "; minutes from " + start + " are asked again next time");
                    if (e.status() == 429) {
                        Duration wait = e.retryAfter().orElse(DEFAULT_BACKOFF);
                        pausedUntil = clock.instant().plus(wait);
                        failures.add("Azure Monitor throttled the console: polling pauses for " + wait);
                        return new PollReport(accepted, rejected, List.copyOf(failures), true);
                    }
                }
            }
        }
        return new PollReport(accepted, rejected, List.copyOf(failures), false);
    }

    private List<CpuSampleInput> fetch(
            String stamp, PoolKind pool, ObservedScaleSet scaleSet, Instant start, Instant end) {
        String doing = "Reading " + METRIC + " of scale set " + scaleSet.name() + " (" + stamp + " " + pool
                + ") from Azure Monitor";
        MetricsQueryOptions options = new MetricsQueryOptions()
                .setTimeInterval(new QueryTimeInterval(utc(start), utc(end)))
                .setGranularity(Duration.ofMinutes(1))
                .setAggregations(List.of(AggregationType.AVERAGE))
                .setFilter(SPLIT_BY_INSTANCE)
                .setTop(seriesAskedFor(scaleSet));
        Response<MetricsQueryResult> response = pollMetrics.time(
                AzurePollMetrics.METRICS,
                () -> AzureInventory.call(
                        doing,
                        () -> metrics.queryResourceWithResponse(
                                scaleSet.id(), List.of(METRIC), options, Context.NONE)));
        MetricsQueryResult result = response.getValue();
        MetricResult cpu = result == null || result.getMetrics() == null
                ? null
                : result.getMetrics().stream()
                        .filter(m -> METRIC.equalsIgnoreCase(m.getMetricName()))
                        .findFirst()
                        .orElse(null);
        if (cpu == null) {
            throw new AzureCallFailed(doing, new IllegalStateException("the answer has no '" + METRIC + "' metric"));
        }
        if (cpu.getError() != null
                && cpu.getError().getCode() != null
                && !"Success".equalsIgnoreCase(cpu.getError().getCode())) {
            throw new AzureCallFailed(
                    doing,
                    new IllegalStateException("the metric came back with error "
                            + cpu.getError().getCode() + ": " + cpu.getError().getMessage()));
        }
        List<TimeSeriesElement> allSeries = cpu.getTimeSeries() == null ? List.of() : cpu.getTimeSeries();
        if (allSeries.size() >= seriesAskedFor(scaleSet)) {
            throw new AzureCallFailed(
                    doing,
                    new IllegalStateException("the answer holds " + allSeries.size()
                            + " time series, as many as asked for: instances may be missing (the scale set grew since the inventory "
                            + "was read)"));
        }
        List<CpuSampleInput> samples = new ArrayList<>();
        int unknownInstances = 0;
        for (TimeSeriesElement series : allSeries) {
            String node = nodeOf(series, scaleSet);
            if (node == null) {
                unknownInstances++;
                continue;
            }
            for (MetricValue value : series.getValues() == null ? List.<MetricValue>of() : series.getValues()) {
                if (value.getAverage() == null || value.getTimeStamp() == null) {
                    continue; // a gap: the minute has no value
                }
                Instant minute = value.getTimeStamp().toInstant();
                if (minute.isBefore(start) || !minute.isBefore(end)) {
                    continue;
                }
                samples.add(new CpuSampleInput(stamp, pool.name(), node, minute.toString(), value.getAverage()));
            }
        }
        if (unknownInstances > 0) {
            log.info(
                    "{}: {} time series for instances the inventory does not know yet (next refresh adds them)",
                    scaleSet.name(),
                    unknownInstances);
        }
        return samples;
    }

    /**
     * How many time series to ask for. Split by a dimension, Monitor returns only {@code top} series and
     * {@code top} defaults to 10, so a bigger scale set would silently lose instances (and its hot node). Twice
     * the larger of the capacity and the known instances leaves room for a scale-out since the inventory was
     * read; an answer that still fills it is treated as cut off and asked again.
     */
    static int seriesAskedFor(ObservedScaleSet scaleSet) {
        long instances = Math.max(scaleSet.capacity(), scaleSet.nodeByVmName().size());
        return (int) Math.min(10_000, Math.max(MIN_SERIES, 2 * instances));
    }

    /** The node of a time series: its {@code VMName} dimension (Monitor answers the key in lower case). */
    private static @Nullable String nodeOf(TimeSeriesElement series, ObservedScaleSet scaleSet) {
        if (series.getMetadata() == null) {
            return null;
        }
        return series.getMetadata().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("VMName"))
                .map(e -> e.getValue() == null
                        ? null
                        : scaleSet.nodeByVmName().get(e.getValue().toLowerCase()))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
