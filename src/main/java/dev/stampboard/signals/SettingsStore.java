package dev.stampboard.signals;

import dev.stampboard.base.Actor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Thresholds an admin changed at runtime; they win over configuration after a restart. */
@Repository
class SettingsStore {

    private static final String HOT = "signals.hot-threshold";
    private static final String WARN = "signals.warn-threshold";

    private final JdbcClient jdbc;
    private final Clock clock;

    SettingsStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Double> hotThreshold() {
        return read(HOT);
    }

    Optional<Double> warnThreshold() {
        return read(WARN);
    }

    void saveThresholds(double hot, double warn, Actor actor) {
        write(HOT, hot, actor);
        write(WARN, warn, actor);
    }

    private Optional<Double> read(String name) {
        return jdbc.sql("select setting_value from setting where name = ?")
                .param(name)
                .query(String.class)
                .optional()
                .map(Double::valueOf);
    }

    private void write(String name, double value, Actor actor) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int updated = jdbc.sql("update setting set setting_value = ?, updated_at = ?, updated_by = ? where name = ?")
                .params(Double.toString(value), now, actor.name(), name)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into setting (name, setting_value, updated_at, updated_by) values (?, ?, ?, ?)")
                    .params(name, Double.toString(value), now, actor.name())
                    .update();
        }
    }
}
