package dev.stampboard.signals;

import dev.stampboard.base.Actor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Regions' own signal settings ({@code region_signal_setting}); a region without a row uses the defaults. */
@Repository
class RegionSettingsStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    RegionSettingsStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Map<String, RegionSignalSettings> all() {
        Map<String, RegionSignalSettings> all = new LinkedHashMap<>();
        jdbc.sql("select * from region_signal_setting order by region").query(rs -> {
            Integer windowMinutes = (Integer) rs.getObject("window_minutes");
            RegionSettingsInput input = new RegionSettingsInput(
                    rs.getString("window_kind"),
                    windowMinutes,
                    rs.getString("daily_start"),
                    rs.getString("daily_end"),
                    rs.getString("daily_zone"),
                    rs.getDouble("throttling_percent"),
                    rs.getInt("throttling_minutes"),
                    rs.getDouble("error_percent"),
                    rs.getInt("error_minutes"),
                    rs.getDouble("p99_latency_ms"),
                    rs.getInt("p99_minutes"),
                    rs.getDouble("score_threshold"),
                    rs.getInt("score_minutes"));
            all.put(rs.getString("region"), input.toSettings());
        });
        return all;
    }

    void save(String region, RegionSignalSettings settings, Actor actor) {
        RegionSettingsInput in = RegionSettingsInput.of(settings);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("delete from region_signal_setting where region = ?")
                .param(region)
                .update();
        jdbc.sql("insert into region_signal_setting (region, window_kind, window_minutes, daily_start, daily_end,"
                        + " daily_zone, throttling_percent, throttling_minutes, error_percent, error_minutes,"
                        + " p99_latency_ms, p99_minutes, score_threshold, score_minutes, updated_at, updated_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        region,
                        in.peakWindow(),
                        in.windowMinutes(),
                        in.dailyStart(),
                        in.dailyEnd(),
                        in.dailyZone(),
                        settings.throttlingPercent(),
                        settings.throttlingMinutes(),
                        settings.errorPercent(),
                        settings.errorMinutes(),
                        settings.p99LatencyMs(),
                        settings.p99Minutes(),
                        settings.scoreThreshold(),
                        settings.scoreMinutes(),
                        now,
                        actor.name())
                .update();
    }

    boolean delete(String region) {
        return jdbc.sql("delete from region_signal_setting where region = ?")
                        .param(region)
                        .update()
                > 0;
    }
}
