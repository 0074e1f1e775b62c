package dev.stampboard.azure;

import com.azure.core.http.rest.Response;
import com.azure.core.models.ResponseError;
import com.azure.core.util.Context;
import com.azure.monitor.query.LogsQueryClient;
import com.azure.monitor.query.models.LogsQueryOptions;
import com.azure.monitor.query.models.LogsQueryResult;
import com.azure.monitor.query.models.LogsQueryResultStatus;
import com.azure.monitor.query.models.LogsTable;
import com.azure.monitor.query.models.LogsTableCell;
import com.azure.monitor.query.models.LogsTableRow;
import com.azure.monitor.query.models.QueryTimeInterval;
import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.RegistryDeclaration;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.signals.ingestion.IngestReport;
import dev.stampboard.signals.ingestion.RegistryTrafficIngestion;
import dev.stampboard.signals.ingestion.RegistryTrafficInput;
import java.math.BigDecimal;
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
import java.util.Optional;
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
 * without the columns leaves the span to be read again next time, with nothing of it stored.
 */
@Component
@Profile("azure")
public class AzureRegistryTraffic {

    static final Actor ACTOR = Actor.system("azure-logs");
    static final List<String> COLUMNS =
            List.of("registry", "region", "stamp", "minute", "requests", "bytes", "throttled", "errors", "p99Ms");
    /** Optional column: the customer of a registry declared from the logs. */
    static final String CUSTOMER = "customer";

    private static final Duration DEFAULT_BACKOFF = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(AzureRegistryTraffic.class);

    private final LogsQueryClient logs;
    private final RegistryTrafficIngestion ingestion;
    private final FleetService fleet;
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
        this.fleet = fleet;
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
                Span span = read(workspace, start, spanEnd);
                List<RegistryTrafficInput> rows = span.rows();
                if (declareRegistries) {
                    declared.addAll(declareUnknown(span, failures));
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
    private Span read(String workspace, Instant start, Instant end) {
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
        LogsQueryResult result = response.getValue();
        if (result == null
                || result.getAllTables() == null
                || result.getAllTables().isEmpty()) {
            throw failed(doing, "the answer holds no table");
        }
        if (result.getQueryResultStatus() == LogsQueryResultStatus.PARTIAL_FAILURE
                || result.getQueryResultStatus() == LogsQueryResultStatus.FAILURE) {
            ResponseError error = result.getError();
            throw failed(
                    doing,
                    "the answer is partial ("
                            + (error == null ? "no error given" : error.getCode() + ": " + error.getMessage())
                            + "); if the span holds too many rows, lower stampboard.azure.logs.max-span");
        }
        LogsTable table = result.getAllTables().get(0);
        if (table.getRows().isEmpty()) {
            return new Span(List.of(), Map.of());
        }
        // the SDK (1.5.2) leaves LogsTable's column list empty: the names come from the cells, which carry them
        List<String> names = table.getRows().get(0).getRow().stream()
                .map(LogsTableCell::getColumnName)
                .toList();
        List<String> missing =
                COLUMNS.stream().filter(c -> indexOf(names, c) < 0).toList();
        if (!missing.isEmpty()) {
            throw failed(
                    doing,
                    "the query's result has no column " + String.join(", ", missing) + " (it has " + names
                            + "); stampboard.azure.logs.query must return " + COLUMNS);
        }
        Columns c = new Columns(names, doing);
        Map<String, String> customers = new LinkedHashMap<>();
        List<RegistryTrafficInput> rows = new ArrayList<>(table.getRows().size());
        for (LogsTableRow row : table.getRows()) {
            @Nullable String minute = c.text(row, "minute");
            @Nullable Instant at = instant(minute);
            if (at != null) {
                if (at.isBefore(start) || !at.isBefore(end)) {
                    continue; // a query that ignores {start}/{end}: outside the span is another read's
                }
                minute = at.toString();
            }
            String customer = c.text(row, CUSTOMER);
            if (customer != null && !customer.isBlank() && c.text(row, "registry") != null) {
                customers.putIfAbsent(c.text(row, "registry"), customer.trim());
            }
            rows.add(new RegistryTrafficInput(
                    c.text(row, "registry"),
                    c.text(row, "region"),
                    c.text(row, "stamp"),
                    minute,
                    c.number(row, "requests"),
                    c.number(row, "bytes"),
                    c.number(row, "throttled"),
                    c.number(row, "errors"),
                    c.number(row, "p99Ms")));
        }
        return new Span(rows, customers);
    }

    /** One span's rows, and each registry's customer when the query's result names one. */
    private record Span(List<RegistryTrafficInput> rows, Map<String, String> customers) {}

    /**
     * Declares each registry, or a registry's replica in a region, that the rows show and the inventory lacks, on the
     * stamp that served most of its requests in the span. A customer column names its customer; without one, the
     * registry is its own customer. A declaration the inventory refuses is a failure of that registry only.
     */
    private List<String> declareUnknown(Span span, List<String> failures) {
        Map<String, Map<String, Map<String, BigDecimal>>> requestsByStamp =
                new LinkedHashMap<>(); // registry -> region -> stamp
        Map<String, String> customers = new LinkedHashMap<>();
        for (RegistryTrafficInput row : span.rows()) {
            if (row.registry() == null || row.region() == null || row.stamp() == null) {
                continue;
            }
            Optional<RegistryInfo> known = fleet.registry(row.registry());
            if (known.isPresent() && known.get().homeStamp(row.region()).isPresent()) {
                continue;
            }
            // looked up before the first declaration: each one drops the inventory's snapshot
            customers.putIfAbsent(
                    row.registry(),
                    known.map(RegistryInfo::customer)
                            .orElse(span.customers().getOrDefault(row.registry(), row.registry())));
            requestsByStamp
                    .computeIfAbsent(row.registry(), r -> new LinkedHashMap<>())
                    .computeIfAbsent(row.region(), r -> new LinkedHashMap<>())
                    .merge(row.stamp(), row.requests() == null ? BigDecimal.ZERO : row.requests(), BigDecimal::add);
        }
        List<String> declared = new ArrayList<>();
        requestsByStamp.forEach((registry, byRegion) -> {
            List<RegistryDeclaration.ReplicaDeclaration> replicas = new ArrayList<>();
            byRegion.forEach((region, byStamp) -> replicas.add(new RegistryDeclaration.ReplicaDeclaration(
                    region,
                    byStamp.entrySet().stream()
                            .max(Map.Entry.comparingByValue())
                            .orElseThrow()
                            .getKey())));
            String customer = customers.getOrDefault(registry, registry);
            try {
                fleet.declareRegistry(registry, new RegistryDeclaration(customer, replicas), ACTOR);
                declared.add(registry + " " + replicas);
            } catch (InvalidInputException e) {
                failures.add("Registry " + registry + " seen in the logs could not be declared: " + e.getMessage());
            }
        });
        return declared;
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

    private static int indexOf(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The result's columns by name (case-insensitive), looked up once per answer. */
    private static final class Columns {
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private final String doing;

        Columns(List<String> names, String doing) {
            this.doing = doing;
            COLUMNS.forEach(name -> index.put(name, indexOf(names, name)));
            index.put(CUSTOMER, indexOf(names, CUSTOMER));
        }

        @Nullable
        String text(LogsTableRow row, String column) {
            int i = index.getOrDefault(column, -1);
            return i < 0 || i >= row.getRow().size()
                    ? null
                    : row.getRow().get(i).getValueAsString();
        }

        /**
         * A count or a real as the ingestion's decimal (which judges fractions and negatives per row; the service may
         * send numbers as strings). A value that is no number means the query is wrong, not the row: the span fails.
         */
        @Nullable
        BigDecimal number(LogsTableRow row, String column) {
            String value = text(row, column);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                throw failed(
                        doing,
                        "column " + column + " holds '" + value + "' in row " + row.getRowIndex()
                                + ", not a number: check stampboard.azure.logs.query");
            }
        }
    }

    /** A datetime cell as an instant; null for a value that is no date (passed on as it is, for the ingestion to refuse with its reason). */
    private static @Nullable Instant instant(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static AzureCallFailed failed(String doing, String why) {
        return new AzureCallFailed(doing, new IllegalStateException(why));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
