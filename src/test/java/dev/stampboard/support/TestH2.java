package dev.stampboard.support;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh in-memory H2 database with the console's migrations, for plain-Java tests of store logic (no Spring
 * context); the H2 twin of {@link TestPostgres#migratedSchema}. Each call is a database of its own. The data source
 * opens a new connection per use, so two clients made from it behave as two console instances on one database.
 */
public final class TestH2 {

    private TestH2() {}

    /** A new migrated database named after {@code name}. */
    public static DataSource migrated(String name) {
        return migrated(name, "");
    }

    /** As {@link #migrated(String)}, with H2 settings appended to the URL (each starting with {@code ;}). */
    public static DataSource migrated(String name, String settings) {
        String url = "jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1" + settings;
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new DriverManagerDataSource(url, "sa", "");
    }
}
