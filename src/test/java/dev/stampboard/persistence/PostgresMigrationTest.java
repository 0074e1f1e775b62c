package dev.stampboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

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
        var dataSource = new DriverManagerDataSource(url, "stampboard", "stampboard");
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .cleanDisabled(false)
                .load();
        flyway.clean();
        var result = flyway.migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(2);

        JdbcClient jdbc = JdbcClient.create(dataSource);
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
}
