package dev.stampboard.simulator;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application's one {@link Clock}: simulated when the simulator runs, the wall clock otherwise. */
@Configuration
@EnableConfigurationProperties(SimulatorProperties.class)
class ClockConfiguration {

    @Bean
    Clock clock(SimulatorProperties properties, JdbcClient jdbc) {
        if (!properties.enabled()) {
            return Clock.systemUTC();
        }
        long now = properties.start() != null
                ? properties.start().getEpochSecond() / 60
                : System.currentTimeMillis() / 60_000;
        // simulated time runs ahead of the wall clock; after a restart it continues, never jumps back
        long persisted = jdbc.sql("select sim_minute from simulator_state where id = 1")
                .query(Long.class)
                .optional()
                .orElse(now);
        // the back-fill replays the last window up to that minute, so the clock starts one window earlier, in the
        // minute before the first one generated: a scenario loaded then counts from the first (StoredStamps)
        return new SimulatedClock(Math.max(now, persisted) - properties.backfillMinutes());
    }
}
