package dev.stampboard.azure;

import com.azure.core.models.ResponseError;
import com.azure.monitor.query.models.LogsQueryResult;
import com.azure.monitor.query.models.LogsQueryResultStatus;
import com.azure.monitor.query.models.LogsTable;
import com.azure.monitor.query.models.LogsTableCell;
import com.azure.monitor.query.models.LogsTableRow;
import dev.stampboard.signals.ingestion.RegistryTrafficInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Log Analytics answer to the registry-traffic query, judged and turned into ingestion rows: no table, a partial
 * answer or a missing column fails the span ({@link AzureCallFailed}) before anything of it is stored; rows outside
 * the span are left to the read they belong to.
 */
final class LogAnalyticsTrafficAnswer {

    static final List<String> COLUMNS =
            List.of("registry", "region", "stamp", "minute", "requests", "bytes", "throttled", "errors", "p99Ms");
    /** Optional column: the customer of a registry declared from the logs. */
    static final String CUSTOMER = "customer";

    /** One span's rows, and each registry's customer when the query's result names one. */
    record Span(List<RegistryTrafficInput> rows, Map<String, String> customers) {}

    private LogAnalyticsTrafficAnswer() {}

    /** The rows of {@code [start, end)} in the answer; {@code doing} names the read in a failure's message. */
    static Span span(@Nullable LogsQueryResult result, Instant start, Instant end, String doing) {
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
}
