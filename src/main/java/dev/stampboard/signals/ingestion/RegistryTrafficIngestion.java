package dev.stampboard.signals.ingestion;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.HomeStampTimeline;
import dev.stampboard.fleet.RegionInfo;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import dev.stampboard.signals.SignalFeed;
import dev.stampboard.signals.engine.ReplicaMinute;
import dev.stampboard.signals.engine.SampleVerdict;
import dev.stampboard.signals.engine.TrafficCounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-registry per-minute traffic from outside (the JSON API, Log Analytics): each row is checked
 * against the inventory, including which stamp served the replica in that minute, then recorded
 * and stored. It feeds traffic shares, reactive triggers and the planner exactly as the simulator's.
 */
@Service
public class RegistryTrafficIngestion {

    static final int MAX_ROWS_PER_REQUEST = 200_000;

    private final SignalFeed signals;
    private final FleetService fleet;
    private final TrafficSampleStore store;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final IngestionMetrics metrics;

    RegistryTrafficIngestion(
            SignalFeed signals,
            FleetService fleet,
            TrafficSampleStore store,
            ApplicationEventPublisher events,
            CurrentUser currentUser,
            IngestionMetrics metrics) {
        this.signals = signals;
        this.fleet = fleet;
        this.store = store;
        this.events = events;
        this.currentUser = currentUser;
        this.metrics = metrics;
    }

    /** Checks every row and stores the valid ones; each other row is reported with its index and reason. */
    @Transactional
    public IngestReport ingest(List<@Nullable RegistryTrafficInput> rows, Actor actor) {
        currentUser.requireRole(actor, Role.ENGINEER, Role.INGEST);
        if (rows.size() > MAX_ROWS_PER_REQUEST) {
            throw new InvalidInputException("At most " + MAX_ROWS_PER_REQUEST + " rows per request; split the batch");
        }
        Inventory inventory = new Inventory(fleet);
        Rejections rejections = new Rejections();
        List<TrafficSampleStore.StoredTraffic> checked = new ArrayList<>();
        List<Integer> checkedIndex = new ArrayList<>();
        java.util.Set<String> inRequest = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            RegistryTrafficInput in = rows.get(i);
            if (in == null) {
                rejections.add(i, Rejections.MALFORMED, "row is null");
                continue;
            }
            Row row;
            try {
                row = Row.parse(in);
            } catch (RowRefused refused) {
                rejections.add(i, refused.cause, refused.reason);
                continue;
            }
            String inventoryProblem = inventory.problem(row);
            if (inventoryProblem != null) {
                rejections.add(i, inventory.lastCause, inventoryProblem);
                continue;
            }
            SampleVerdict verdict = signals.checkTraffic(
                    ReplicaMinute.of(row.registry, row.region, row.stamp, row.minute),
                    new TrafficCounts(row.requests, row.bytes, row.throttled, row.errors, row.p99Ms));
            if (!verdict.accepted()) {
                rejections.add(i, verdict);
            } else if (!inRequest.add(row.registry + '@' + row.region + '@' + row.minute)) {
                rejections.add(
                        i,
                        SampleVerdict.Cause.DUPLICATE.name(),
                        "duplicate traffic for " + row.registry + "@" + row.region + " at minute " + in.minute()
                                + " (earlier in this request); the first record is kept");
            } else {
                checked.add(new TrafficSampleStore.StoredTraffic(
                        row.registry,
                        row.region,
                        row.stamp,
                        row.minute,
                        row.requests,
                        row.bytes,
                        row.throttled,
                        row.errors,
                        row.p99Ms));
                checkedIndex.add(i);
            }
        }
        // the database decides who was first (see NodeCpuIngestion)
        List<TrafficSampleStore.StoredTraffic> accepted = new ArrayList<>();
        boolean[] stored = checked.isEmpty() ? new boolean[0] : store.insertNew(checked);
        for (int k = 0; k < stored.length; k++) {
            TrafficSampleStore.StoredTraffic t = checked.get(k);
            if (stored[k]) {
                accepted.add(t);
            } else {
                rejections.add(
                        checkedIndex.get(k),
                        SampleVerdict.Cause.DUPLICATE.name(),
                        "duplicate traffic for " + t.registry() + "@" + t.region() + " at minute "
                                + Instant.ofEpochSecond(t.minute() * 60)
                                + " (stored by another console instance); the first record is kept");
            }
        }
        AfterCommit.run(() -> accepted.forEach(t -> signals.recordTraffic(
                ReplicaMinute.of(t.registry(), t.region(), t.stamp(), t.minute()),
                new TrafficCounts(t.requests(), t.bytes(), t.throttled(), t.errors(), t.p99Ms()))));
        events.publishEvent(
                new TelemetryIngested(actor, IngestionMetrics.REGISTRY_TRAFFIC, accepted.size(), rejections.size()));
        metrics.count(IngestionMetrics.REGISTRY_TRAFFIC, accepted.size(), rejections);
        return new IngestReport(accepted.size(), rejections.rows());
    }

    /** A row whose fields are all present and well-formed. */
    private record Row(
            String registry,
            String region,
            String stamp,
            long minute,
            long requests,
            long bytes,
            long throttled,
            long errors,
            double p99Ms) {

        static Row parse(RegistryTrafficInput in) {
            String registry = required(in.registry(), "registry");
            String region = required(in.region(), "region");
            String stamp = required(in.stamp(), "stamp");
            String minuteProblem = Minutes.problem(in.minute());
            if (minuteProblem != null) {
                throw new RowRefused(Rejections.MALFORMED, minuteProblem);
            }
            long requests = count(in.requests(), "requests", null);
            long bytes = count(in.bytes(), "bytes", null);
            long throttled = count(in.throttled(), "throttled", 0L);
            long errors = count(in.errors(), "errors", 0L);
            if (throttled > requests || errors > requests) {
                throw new RowRefused(
                        SampleVerdict.Cause.INVALID_VALUES.name(),
                        "throttled (" + throttled + ") and errors (" + errors + ") cannot exceed requests (" + requests
                                + ")");
            }
            double p99 = 0;
            if (in.p99Ms() != null) {
                p99 = in.p99Ms().doubleValue();
                if (in.p99Ms().signum() < 0 || !Double.isFinite(p99)) {
                    throw new RowRefused(
                            SampleVerdict.Cause.INVALID_VALUES.name(),
                            "p99Ms must be a number of milliseconds >= 0 (got "
                                    + in.p99Ms().toPlainString() + ")");
                }
            } else if (requests > 0) {
                throw new RowRefused(Rejections.MALFORMED, "p99Ms is missing (needed when there were requests)");
            }
            return new Row(
                    registry, region, stamp, Minutes.epochMinute(in.minute()), requests, bytes, throttled, errors, p99);
        }

        private static String required(@Nullable String value, String field) {
            if (value == null || value.isBlank()) {
                throw new RowRefused(Rejections.MALFORMED, field + " is missing");
            }
            return value.trim();
        }

        private static long count(@Nullable BigDecimal value, String field, @Nullable Long absent) {
            if (value == null) {
                if (absent != null) {
                    return absent;
                }
                throw new RowRefused(Rejections.MALFORMED, field + " is missing");
            }
            if (value.signum() < 0) {
                throw new RowRefused(
                        SampleVerdict.Cause.INVALID_VALUES.name(),
                        field + " must not be negative (got " + value.toPlainString() + ")");
            }
            try {
                return value.longValueExact();
            } catch (ArithmeticException e) {
                throw new RowRefused(
                        SampleVerdict.Cause.INVALID_VALUES.name(),
                        field + " must be a whole number"
                                + (value.stripTrailingZeros().scale() > 0 ? "" : " below 2^63") + " (got "
                                + value.toPlainString() + ")");
            }
        }
    }

    private static final class RowRefused extends RuntimeException {
        final String cause;
        final String reason;

        RowRefused(String cause, String reason) {
            super(reason, null, false, false);
            this.cause = cause;
            this.reason = reason;
        }
    }

    /** The inventory as of the request, read once: registries, regions, stamps and who served whom when. */
    private static final class Inventory {
        private final Map<String, RegistryInfo> registries;
        private final Set<String> regions;
        private final Map<String, StampInfo> stamps = new HashMap<>();
        private final HomeStampTimeline timeline;
        String lastCause = "";

        Inventory(FleetService fleet) {
            registries = fleet.registries().stream().collect(Collectors.toMap(RegistryInfo::name, r -> r));
            regions = fleet.regions().stream().map(RegionInfo::name).collect(Collectors.toSet());
            fleet.stamps().forEach(s -> stamps.put(s.name(), s));
            timeline = fleet.homeStampTimeline();
        }

        @Nullable
        String problem(Row row) {
            RegistryInfo registry = registries.get(row.registry);
            if (registry == null) {
                return refuse(
                        Rejections.UNKNOWN_REGISTRY,
                        "unknown registry '" + row.registry + "': declare it with PUT /api/v1/registries/"
                                + row.registry);
            }
            if (!regions.contains(row.region)) {
                return refuse(Rejections.UNKNOWN_REGION, "unknown region '" + row.region + "'");
            }
            if (registry.homeStamp(row.region).isEmpty()) {
                return refuse(
                        Rejections.UNKNOWN_REGION,
                        "registry " + row.registry + " has no replica in " + row.region
                                + ": add it with PUT /api/v1/registries/" + row.registry);
            }
            StampInfo stamp = stamps.get(row.stamp);
            if (stamp == null) {
                return refuse(
                        SampleVerdict.Cause.UNKNOWN_STAMP.name(),
                        "unknown stamp '" + row.stamp + "': declare it with PUT /api/v1/stamps/" + row.stamp);
            }
            if (!stamp.region().equals(row.region)) {
                return refuse(
                        Rejections.NOT_HOME_STAMP,
                        "stamp " + row.stamp + " is in region " + stamp.region() + ", not " + row.region);
            }
            Instant minuteStart = Instant.ofEpochSecond(row.minute * 60);
            HomeStampTimeline.Homes homes = timeline.during(row.registry, row.region, minuteStart);
            if (homes == null) { // no recorded history: only today's home is known
                homes = new HomeStampTimeline.Homes(
                        registry.homeStamp(row.region).orElseThrow(), null);
            }
            if (!homes.includes(row.stamp)) {
                return refuse(
                        Rejections.NOT_HOME_STAMP,
                        "stamp " + row.stamp + " did not serve " + row.registry + " in "
                                + row.region + " at " + minuteStart + ": its home stamp then was " + homes.current()
                                + (homes.previous() == null ? "" : " (draining from " + homes.previous() + ")"));
            }
            return null;
        }

        private String refuse(String cause, String reason) {
            lastCause = cause;
            return reason;
        }
    }
}
