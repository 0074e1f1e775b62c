package dev.stampboard.azure;

import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import com.azure.monitor.query.LogsQueryClient;
import com.azure.monitor.query.models.LogsQueryOptions;
import com.azure.monitor.query.models.LogsQueryResult;
import com.azure.monitor.query.models.QueryTimeInterval;
import dev.stampboard.base.Actor;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.signals.ingestion.IngestReport;
import dev.stampboard.signals.ingestion.RegistryTrafficIngestion;
import dev.stampboard.signals.ingestion.RegistryTrafficInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per-registry per-minute traffic from a Log Analytics workspace, fed through the same ingestion as
 * {@code POST /api/v1/telemetry/registry-traffic}. The configured KQL returns the ingestion's columns
 * ({@code registry, region, stamp, minute, requests, bytes, throttled, errors, p99Ms}); it is run over
 * spans of whole minutes, each at most {@code max-span} long, once they are {@code lag} old (logs arrive
 * late). A span is read once: the next read starts where the last successful one ended. A throttled
 * answer (429) pauses reading for its Retry-After; any other failure, a partial answer or an answer
 * without the columns leaves the span to be read again next time, with nothing of it stored. The answer is judged by
 * {@link LogAnalyticsTrafficAnswer}; registries the inventory lacks are declared by {@link RegistriesFromLogs}.
 */
@Component
@Profile("azure")
public class AzureRegistryTraffic {

    static final Actor ACTOR = Actor.system("azure-logs");

    private static final Duration DEFAULT_BACKOFF = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(AzureRegistryTraffic.class);

    private final LogsQueryClient logs;
    private final RegistryTrafficIngestion ingestion;
    private final RegistriesFromLogs registriesFromLogs;
    /** The workspace; null when none is configured (the reader is off). */
    private final @Nullable String workspaceId;

    private final String query;
    private final Duration lag;
    private final Duration backfill;
    private final Duration maxSpan;
    private final boolean declareRegistries;
    private final Clock clock;
    private final AzurePollMetrics pollMetrics;
    /** The first minute not yet read; null before the first successful read. */
    private volatile @Nullable Instant nextMinute;

    private volatile Instant pausedUntil = Instant.MIN;

    @Autowired
    AzureRegistryTraffic(
            LogsQueryClient logs,
            RegistryTrafficIngestion ingestion,
            FleetService fleet,
            AzureProperties properties,
            Clock clock,
            AzurePollMetrics pollMetrics,
            AzureInventory inventory) {
        this(logs, ingestion, fleet, Objects.requireNonNull(properties.logs()), clock, pollMetrics);
        this.jobs = inventory;
    }

    /** Whose lease decides whether this instance polls (the inventory's); null in tests that build readers. */
    private @org.jspecify.annotations.Nullable AzureInventory jobs;

    /** One reader of the given workspace and query (tests build several, each starting from nothing read). */
    AzureRegistryTraffic(
            LogsQueryClient logs,
            RegistryTrafficIngestion ingestion,
            FleetService fleet,
            AzureProperties.Logs properties,
            Clock clock,
            AzurePollMetrics pollMetrics) {
        this.logs = logs;
        this.ingestion = ingestion;
        this.registriesFromLogs = new RegistriesFromLogs(fleet, ACTOR);
        // the record's compact constructor filled every default: only the workspace may be absent
        this.workspaceId = properties.workspaceId();
        this.query = Objects.requireNonNull(properties.query());
        this.lag = Objects.requireNonNull(properties.lag());
        this.backfill = Objects.requireNonNull(properties.backfill());
        this.maxSpan = Objects.requireNonNull(properties.maxSpan());
        this.declareRegistries = Boolean.TRUE.equals(properties.declareRegistries());
        this.clock = clock;
        this.pollMetrics = pollMetrics;
    }

    /**
     * What one poll did: rows accepted and rejected by the ingestion, registries declared from the logs, the
     * spans read, and each failure; {@code paused} while a 429's Retry-After runs.
     */
    public record PollReport(
            int accepted,
            int rejected,
            List<String> declared,
            List<String> spans,
            List<String> failures,
            boolean paused) {}

    @Scheduled(
            initialDelayString = "${stampboard.azure.initial-delay:PT0S}",
            fixedDelayString = "${stampboard.azure.logs.interval:PT1M}")
    void scheduledPoll() {
        if (workspaceId == null || (jobs != null && !jobs.elected())) {
            return; // another instance polls; this one follows what it stores
        }
        PollReport report = poll();
        report.failures().forEach(log::warn);
    }

    /** Reads every span that is due, oldest first, and stops at the first failure (it is read again next time). */
    public synchronized PollReport poll() {
        String workspace = workspaceId;
        if (workspace == null) {
            return new PollReport(
                    0,
                    0,
                    List.of(),
                    List.of(),
                    List.of("stampboard.azure.logs.workspace-id is not set: "
                            + "registry traffic is not read from Log Analytics"),
                    false);
        }
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return new PollReport(0, 0, List.of(), List.of(), List.of(), true);
        }
        Instant end = now.minus(lag).truncatedTo(ChronoUnit.MINUTES);
        Instant start = nextMinute != null ? nextMinute : end.minus(backfill).truncatedTo(ChronoUnit.MINUTES);
        int accepted = 0;
        int rejected = 0;
        List<String> declared = new ArrayList<>();
        List<String> spans = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        while (start.isBefore(end)) {
            Instant spanEnd = min(start.plus(maxSpan), end);
            try {
                LogAnalyticsTrafficAnswer.Span span = read(workspace, start, spanEnd);
                List<RegistryTrafficInput> rows = span.rows();
                if (declareRegistries) {
                    declared.addAll(registriesFromLogs.declareUnknown(span, failures));
                }
                if (!rows.isEmpty()) {
                    IngestReport report = ingestion.ingest(new ArrayList<>(rows), ACTOR);
                    accepted += report.accepted();
                    rejected += report.rejected().size();
                    logRejections(start, spanEnd, report);
                }
                spans.add(start + "/" + spanEnd);
                nextMinute = spanEnd;
                start = spanEnd;
            } catch (AzureCallFailed e) {
                failures.add(e.getMessage() + "; minutes from " + start + " are read again next time");
                if (e.status() == 429) {
                    Duration wait = e.retryAfter().orElse(DEFAULT_BACKOFF);
                    pausedUntil = clock.instant().plus(wait);
                    failures.add("Log Analytics throttled the console: reading registry traffic pauses for " + wait);
                    return new PollReport(accepted, rejected, declared, spans, List.copyOf(failures), true);
                }
                break;
            }
        }
        return new PollReport(accepted, rejected, declared, spans, List.copyOf(failures), false);
    }

    /** Runs the query over [start, end) and turns its rows into ingestion rows; throws {@link AzureCallFailed} before anything is stored. */
    private LogAnalyticsTrafficAnswer.Span read(String workspace, Instant start, Instant end) {
        String doing =
                "Reading registry traffic from " + start + " to " + end + " from Log Analytics workspace " + workspace;
        String kql = query.replace("{start}", start.toString()).replace("{end}", end.toString());
        // partial answers are judged here, whatever the SDK version does with them
        LogsQueryOptions options = new LogsQueryOptions().setAllowPartialErrors(true);
        Response<LogsQueryResult> response = pollMetrics.time(
                AzurePollMetrics.LOGS,
                () -> AzureInventory.call(
                        doing,
                        () -> logs.queryWorkspaceWithResponse(
                                workspace, kql, new QueryTimeInterval(utc(start), utc(end)), options, Context.NONE)));
        return LogAnalyticsTrafficAnswer.span(response.getValue(), start, end, doing);
    }

    private static void logRejections(Instant start, Instant end, IngestReport report) {
        if (report.rejected().isEmpty()) {
            return;
        }
        Map<String, Long> byReason = new LinkedHashMap<>();
        report.rejected().forEach(r -> byReason.merge(r.reason().replaceAll("'[^']*'", "'…'"), 1L, Long::sum));
        log.info(
                "Registry traffic {}/{} from Log Analytics: {} accepted, {} rejected: {}",
                start,
                end,
                report.accepted(),
                report.rejected().size(),
                byReason);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
