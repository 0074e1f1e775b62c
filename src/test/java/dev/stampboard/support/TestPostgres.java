package dev.stampboard.support;

import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The PostgreSQL server a run was given: {@code STAMPBOARD_TEST_PG_URL} (from {@code .ci/postgres.sh}; {@code .ci/run}
 * passes it), user and password {@code stampboard}. A test that checks something on PostgreSQL takes a schema of its
 * own, migrated afresh, so that the two unit forks never clean each other's tables; no Spring context is started.
 */
public final class TestPostgres {

    private TestPostgres() {}

    /** The server's JDBC URL, if the run was given one. */
    public static Optional<String> url() {
        String url = System.getenv("STAMPBOARD_TEST_PG_URL");
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url);
    }

    /** Why a test was skipped without a server, and how to give it one. */
    public static final String NOT_GIVEN = "skipped: no PostgreSQL given in STAMPBOARD_TEST_PG_URL; "
            + "export STAMPBOARD_TEST_PG_URL=\"$(bash .ci/postgres.sh)\" starts one";

    /**
     * Connections to {@code schema} (its name: the test's {@link TestNames#prefix()}), dropped and migrated afresh
     * with the console's migrations.
     */
    public static DataSource migratedSchema(String schema) {
        String url = url().orElseThrow(() -> new IllegalStateException(NOT_GIVEN));
        String inSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        DataSource dataSource = new DriverManagerDataSource(inSchema, "stampboard", "stampboard");
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .locations("classpath:db/migration")
                .cleanDisabled(false)
                .load();
        flyway.clean();
        flyway.migrate();
        return dataSource;
    }
}
