package dev.stampboard.signals.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stampboard.support.TestNames;
import dev.stampboard.support.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The batched prune on PostgreSQL, whose DELETE has no row limit ({@code .ci/run} passes a server's URL; a schema of
 * its own, so {@code PostgresMigrationTest}'s clean in the other fork does not drop its tables).
 */
class TelemetryRetentionPostgresTest {

    @Test
    void prunes_in_batches_on_postgresql() {
        assumeTrue(TestPostgres.url().isPresent(), TestPostgres.NOT_GIVEN);
        JdbcTemplate jdbc = new JdbcTemplate(TestPostgres.migratedSchema(
                TestNames.of(TelemetryRetentionPostgresTest.class).prefix()));
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        for (int i = 0; i < 9; i++) {
            jdbc.update(
                    "insert into node_cpu_sample (stamp, pool, node, minute_at, cpu) values ('pg-s01', 'REGISTRY', 'rg-000', ?, 1)",
                    OffsetDateTime.ofInstant(now.minus(Duration.ofDays(15)).plusSeconds(60L * i), ZoneOffset.UTC));
            jdbc.update(
                    "insert into registry_traffic_sample (registry, region, stamp, minute_at, requests, bytes, throttled, errors, "
                            + "p99_ms) values ('pg.example.io', 'r', 'pg-s01', ?, 1, 1, 0, 0, 1)",
                    OffsetDateTime.ofInstant(
                            now.minus(Duration.ofDays(i < 5 ? 15 : 1)).plusSeconds(60L * i), ZoneOffset.UTC));
        }
        TelemetryRetention retention = new TelemetryRetention(
                jdbc, new TelemetryProperties(Duration.ofDays(14), null, 2), Clock.fixed(now, ZoneOffset.UTC));

        assertThat(retention.prune()).isEqualTo(new TelemetryRetention.Pruned(9, 5));
        assertThat(jdbc.queryForObject("select count(*) from registry_traffic_sample", Integer.class))
                .isEqualTo(4);
    }
}
