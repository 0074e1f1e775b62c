package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 18: the sample tables' keys lead with {@code minute_at}. Every write adds rows of the newest minute: keyed by
 * stamp and node first, a stored simulated minute (14,933 CPU rows at {@code large-500}) inserted all over the primary
 * key, touching a leaf page per few rows, which on a table larger than PostgreSQL's buffers cost most of the 0.52
 * CPU-s a stored minute took (README "The simulator with several instances"); keyed by minute first they land at the
 * index's right edge. The key then serves the minute-range reads too (reload, retention), so the separate
 * {@code minute_at} index goes. A Java migration because H2 and PostgreSQL drop a primary key with different DDL.
 */
public class V161__SampleKeyMinuteFirst extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean postgres = connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
        List<String> statements = List.of(
                dropKey(postgres, "node_cpu_sample"),
                "alter table node_cpu_sample add primary key (minute_at, stamp, pool, node)",
                "drop index ix_node_cpu_sample_minute",
                dropKey(postgres, "registry_traffic_sample"),
                "alter table registry_traffic_sample add primary key (minute_at, registry, region)",
                "drop index ix_registry_traffic_sample_minute");
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String dropKey(boolean postgres, String table) {
        return postgres
                ? "alter table " + table + " drop constraint " + table + "_pkey"
                : "alter table " + table + " drop primary key";
    }
}
