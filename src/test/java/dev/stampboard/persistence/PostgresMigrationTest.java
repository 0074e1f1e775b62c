package dev.stampboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stampboard.support.TestNames;
import dev.stampboard.support.TestPostgres;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The production option: the very migrations the console runs on H2 must run unchanged on
 * PostgreSQL. {@code .ci/run} starts a local server, passes its URL and requires the test to run
 * ({@code STAMPBOARD_TEST_PG_REQUIRED=true}, also implied by {@code CI=true}); a plain local
 * {@code ./mvnw verify} without a server reports the test skipped and says how to run it.
 */
class PostgresMigrationTest {

    private static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("STAMPBOARD_TEST_PG_REQUIRED"))
                || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @Test
    void migrations_run_unchanged_on_postgresql() {
        String url = System.getenv("STAMPBOARD_TEST_PG_URL");
        boolean given = url != null && !url.isBlank();
        if (!given && required()) {
            fail(
                    "PostgreSQL is required here (CI) but STAMPBOARD_TEST_PG_URL is empty: .ci/postgres.sh could not start it");
        }
        assumeTrue(
                given,
                "skipped: no PostgreSQL given in STAMPBOARD_TEST_PG_URL. Run `bash .ci/run` (starts one), "
                        + "or set it to a jdbc:postgresql:// URL with user and password stampboard");
        // a schema of its own, so that the tests on the same server never clean each other's tables
        DataSource dataSource = TestPostgres.migratedSchema(
                TestNames.of(PostgresMigrationTest.class).prefix());
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long migrations = countMigrationFiles();
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success and type = 'SQL'")
                        .query(Long.class)
                        .single())
                .as("every migration in db/migration applied")
                .isEqualTo(migrations);

        jdbc.sql("insert into region (name, zone_id) values ('eastus', 'America/New_York')")
                .update();
        jdbc.sql(
                        "insert into stamp (name, region, kind, status, created_at) values ('eus-s01', 'eastus', 'SHARED', 'ACTIVE', ?)")
                .param(OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        long id = jdbc.sql("select id from stamp where name = 'eus-s01'")
                .query(Long.class)
                .single();
        jdbc.sql(
                        "insert into stamp_pool (stamp_id, kind, current_instances, min_instances) values (?, 'DATAPROXY', 2, 1)")
                .param(id)
                .update();
        jdbc.sql(
                        "insert into node_cpu_sample (stamp, pool, node, minute_at, cpu) values ('eus-s01', 'DATAPROXY', 'dp-000', ?, 91.2)")
                .param(OffsetDateTime.parse("2026-11-26T00:00:00Z"))
                .update();
        assertThat(jdbc.sql("select cpu from node_cpu_sample")
                        .query(Float.class)
                        .single())
                .isEqualTo(91.2f);
    }

    /** Counted from the class path, not from Flyway: what the console ships is what must have run. */
    private static long countMigrationFiles() {
        try {
            return new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql").length;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
