package dev.stampboard.signals.ingestion;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;

/** Which database holds the telemetry, for the few statements that differ between H2 and PostgreSQL. */
final class Databases {

    private Databases() {}

    static boolean isPostgres(JdbcTemplate jdbc) {
        try {
            String name =
                    JdbcUtils.extractDatabaseMetaData(jdbc.getDataSource(), DatabaseMetaData::getDatabaseProductName);
            return name != null && name.toLowerCase(Locale.ROOT).contains("postgres");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot tell which database holds the telemetry", e);
        }
    }
}
