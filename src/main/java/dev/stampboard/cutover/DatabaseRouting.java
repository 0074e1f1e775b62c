package dev.stampboard.cutover;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The embedded routing table: one row per registry and region. */
@Component
@Profile("!azure")
class DatabaseRouting implements Routing {

    private final JdbcClient jdbc;
    private final Clock clock;

    DatabaseRouting(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean pointAt(String registry, String region, String stamp) {
        Optional<String> now = current(registry, region);
        if (now.isPresent() && now.get().equals(stamp)) {
            return false;
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int updated = jdbc.sql("update routing_entry set stamp = ?, updated_at = ? where registry = ? and region = ?")
                .params(stamp, at, registry, region)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into routing_entry (registry, region, stamp, updated_at) values (?, ?, ?, ?)")
                    .params(registry, region, stamp, at)
                    .update();
        }
        return true;
    }

    @Override
    public Optional<String> current(String registry, String region) {
        return jdbc.sql("select stamp from routing_entry where registry = ? and region = ?")
                .params(registry, region)
                .query(String.class)
                .optional();
    }
}
