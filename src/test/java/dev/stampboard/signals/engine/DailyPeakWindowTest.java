package dev.stampboard.signals.engine;

import static dev.stampboard.signals.engine.EngineFixtures.POOL;
import static dev.stampboard.signals.engine.EngineFixtures.STAMP;
import static dev.stampboard.signals.engine.EngineFixtures.engineWithPool;
import static dev.stampboard.signals.engine.EngineFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DailyPeakWindowTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final PeakWindow.DailyFixed AMS_8_TO_20 =
            new PeakWindow.DailyFixed(LocalTime.of(8, 0), LocalTime.of(20, 0), AMSTERDAM);

    private static long minute(String isoInstant) {
        return ZonedDateTime.parse(isoInstant).toEpochSecond() / 60;
    }

    @Test
    void inside_todays_window_runs_from_its_start_to_now() {
        // 15 Jan: Amsterdam is UTC+1, so 08:00 local = 07:00Z
        assertThat(AMS_8_TO_20.rangeAt(minute("2025-01-15T11:30:00Z")))
                .isEqualTo(new MinuteRange(minute("2025-01-15T07:00:00Z"), minute("2025-01-15T11:30:00Z")));
    }

    @Test
    void at_the_first_minute_the_window_is_that_minute() {
        assertThat(AMS_8_TO_20.rangeAt(minute("2025-01-15T07:00:00Z")))
                .isEqualTo(new MinuteRange(minute("2025-01-15T07:00:00Z"), minute("2025-01-15T07:00:00Z")));
    }

    @Test
    void after_todays_window_it_is_todays_completed_occurrence() {
        // end is exclusive: 08:00-20:00 local is 07:00Z .. 18:59Z, 720 minutes
        MinuteRange range = AMS_8_TO_20.rangeAt(minute("2025-01-15T19:00:00Z"));
        assertThat(range).isEqualTo(new MinuteRange(minute("2025-01-15T07:00:00Z"), minute("2025-01-15T18:59:00Z")));
        assertThat(range.lengthMinutes()).isEqualTo(720);
    }

    @Test
    void before_todays_window_it_is_yesterdays_occurrence() {
        assertThat(AMS_8_TO_20.rangeAt(minute("2025-01-15T06:59:00Z")))
                .isEqualTo(new MinuteRange(minute("2025-01-14T07:00:00Z"), minute("2025-01-14T18:59:00Z")));
    }

    @Test
    void the_same_instant_falls_in_different_windows_per_zone() {
        long noonUtc = minute("2025-01-15T12:00:00Z");
        var newYork = new PeakWindow.DailyFixed(LocalTime.of(8, 0), LocalTime.of(20, 0), NEW_YORK);
        var tokyo = new PeakWindow.DailyFixed(LocalTime.of(8, 0), LocalTime.of(20, 0), ZoneId.of("Asia/Tokyo"));
        // Amsterdam 13:00: inside today's window
        assertThat(AMS_8_TO_20.rangeAt(noonUtc)).isEqualTo(new MinuteRange(minute("2025-01-15T07:00:00Z"), noonUtc));
        // New York 07:00 (UTC-5): before today's window -> 14 Jan 08:00-19:59 local = 13:00Z .. 00:59Z
        assertThat(newYork.rangeAt(noonUtc))
                .isEqualTo(new MinuteRange(minute("2025-01-14T13:00:00Z"), minute("2025-01-15T00:59:00Z")));
        // Tokyo 21:00 (UTC+9): after today's window -> 15 Jan 08:00-19:59 local = 14 Jan 23:00Z .. 15 Jan 10:59Z
        assertThat(tokyo.rangeAt(noonUtc))
                .isEqualTo(new MinuteRange(minute("2025-01-14T23:00:00Z"), minute("2025-01-15T10:59:00Z")));
    }

    @Test
    void summer_time_shifts_the_utc_window_by_an_hour() {
        // 1 Jul: Amsterdam is UTC+2
        assertThat(AMS_8_TO_20.rangeAt(minute("2025-07-01T12:00:00Z")))
                .isEqualTo(new MinuteRange(minute("2025-07-01T06:00:00Z"), minute("2025-07-01T12:00:00Z")));
        // 30 Mar, the night clocks went forward: yesterday's window was still in winter time
        assertThat(AMS_8_TO_20.rangeAt(minute("2025-03-30T05:00:00Z")))
                .isEqualTo(new MinuteRange(minute("2025-03-29T07:00:00Z"), minute("2025-03-29T18:59:00Z")));
    }

    @Test
    void a_window_across_midnight_belongs_to_the_day_it_starts() {
        var night = new PeakWindow.DailyFixed(LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneOffset.UTC);
        assertThat(night.rangeAt(minute("2025-01-15T02:00:00Z")))
                .isEqualTo(new MinuteRange(minute("2025-01-14T22:00:00Z"), minute("2025-01-15T02:00:00Z")));
        assertThat(night.rangeAt(minute("2025-01-15T12:00:00Z")))
                .isEqualTo(new MinuteRange(minute("2025-01-14T22:00:00Z"), minute("2025-01-15T05:59:00Z")));
        assertThat(night.lengthMinutes()).isEqualTo(480);
    }

    @Test
    void retention_is_sized_automatically_for_a_daily_window() {
        SignalSettings settings = SignalSettings.defaults().withPeakWindow(AMS_8_TO_20);
        assertThat(settings.retentionMinutes()).isEqualTo(1500);
        assertThatThrownBy(() -> settings.withRetentionMinutes(1440))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1500");
    }

    @Test
    void engine_p95_uses_only_minutes_inside_the_daily_window() {
        var utc8to20 = new PeakWindow.DailyFixed(LocalTime.of(8, 0), LocalTime.of(20, 0), ZoneOffset.UTC);
        long nine = minute("2025-01-15T21:00:00Z");
        SignalEngine engine = engineWithPool(SignalSettings.defaults().withPeakWindow(utc8to20), nine);
        record(engine, "n1", minute("2025-01-15T07:59:00Z"), 99.0); // before the window
        record(engine, "n1", minute("2025-01-15T08:00:00Z"), 30.0);
        record(engine, "n2", minute("2025-01-15T19:59:00Z"), 41.0);
        record(engine, "n1", minute("2025-01-15T20:00:00Z"), 95.0); // end is exclusive
        // n = 2 -> rank 2 -> 41
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(41.0);
        assertThat(engine.poolState(STAMP, POOL)).isEqualTo(PoolState.WARN);

        engine.advanceTo(minute("2025-01-16T08:30:00Z")); // inside the next day's window, no data yet
        assertThat(engine.hotNodeP95(STAMP, POOL)).isEmpty();
        record(engine, "n3", minute("2025-01-16T08:10:00Z"), 12.0);
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(12.0);
    }

    @Test
    void switching_between_trailing_and_daily_windows_keeps_the_data() {
        long now = minute("2025-01-15T21:00:00Z");
        SignalEngine engine = engineWithPool(SignalSettings.defaults(), now);
        record(engine, "n1", minute("2025-01-15T10:00:00Z"), 70.0); // inside 08-20 UTC and inside trailing 12 h
        record(engine, "n1", minute("2025-01-15T20:30:00Z"), 20.0); // trailing only
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(70.0);

        engine.updateSettings(engine.settings()
                .withPeakWindow(new PeakWindow.DailyFixed(LocalTime.of(8, 0), LocalTime.of(20, 0), ZoneOffset.UTC)));
        assertThat(engine.settings().retentionMinutes()).isEqualTo(1500);
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(70.0);
        record(engine, "n2", minute("2025-01-15T09:00:00Z"), 75.0);
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(75.0);

        engine.updateSettings(engine.settings().withPeakWindow(new PeakWindow.Trailing(60)));
        // trailing hour [20:01, 21:00]: only the 20:30 sample
        assertThat(engine.settings().retentionMinutes()).isEqualTo(60);
        assertThat(engine.hotNodeP95(STAMP, POOL)).hasValue(20.0);
    }
}
