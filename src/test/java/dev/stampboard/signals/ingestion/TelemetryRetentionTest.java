package dev.stampboard.signals.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows older than the retention go, in batches; rows inside it stay. */
class TelemetryRetentionTest extends SpringTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void prunes_what_is_older_than_the_retention_in_batches_and_keeps_the_rest() {
        Instant now = clock.instant();
        // 7 old CPU samples and 3 old traffic rows just past 14 days; 2 + 1 rows just inside
        for (int i = 0; i < 7; i++) {
            cpu("rt-old", now.minus(Duration.ofDays(14)).minusSeconds(60L * (i + 1)));
        }
        cpu("rt-new", now.minus(Duration.ofDays(14)).plusSeconds(60));
        cpu("rt-new", now.minusSeconds(60));
        for (int i = 0; i < 3; i++) {
            traffic("rt-old.example.io", now.minus(Duration.ofDays(20)).minusSeconds(60L * i));
        }
        traffic("rt-new.example.io", now.minus(Duration.ofDays(13)));

        TelemetryRetention retention =
                new TelemetryRetention(jdbc, new TelemetryProperties(Duration.ofDays(14), null, 2), clock);
        TelemetryRetention.Pruned pruned = retention.prune();

        assertThat(pruned.cpuSamples()).isGreaterThanOrEqualTo(7);
        assertThat(pruned.trafficRows()).isGreaterThanOrEqualTo(3);
        assertThat(count("node_cpu_sample", "stamp = 'rt-old'")).isZero();
        assertThat(count("node_cpu_sample", "stamp = 'rt-new'")).isEqualTo(2);
        assertThat(count("registry_traffic_sample", "registry = 'rt-old.example.io'"))
                .isZero();
        assertThat(count("registry_traffic_sample", "registry = 'rt-new.example.io'"))
                .isEqualTo(1);
        assertThat(retention.prune()).isEqualTo(new TelemetryRetention.Pruned(0, 0));
    }

    private int count(String table, String where) {
        return jdbc.queryForObject("select count(*) from " + table + " where " + where, Integer.class);
    }

    private void cpu(String stamp, Instant minute) {
        jdbc.update(
                "insert into node_cpu_sample (stamp, pool, node, minute_at, cpu) values (?, 'REGISTRY', 'rg-000', ?, 10)",
                stamp,
                OffsetDateTime.ofInstant(minute, ZoneOffset.UTC));
    }

    private void traffic(String registry, Instant minute) {
        jdbc.update(
                "insert into registry_traffic_sample (registry, region, stamp, minute_at, requests, bytes, throttled, "
                        + "errors, p99_ms) values (?, 'rt', 'rt-s01', ?, 1, 1, 0, 0, 1)",
                registry,
                OffsetDateTime.ofInstant(minute, ZoneOffset.UTC));
    }
}
