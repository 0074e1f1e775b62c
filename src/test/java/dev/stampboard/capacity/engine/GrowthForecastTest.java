package dev.stampboard.capacity.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class GrowthForecastTest {

    /** A Monday. */
    static final LocalDate ORIGIN = LocalDate.parse("2026-10-19");

    static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    @Test
    void an_exact_trend_with_a_weekend_dip_is_recovered_and_crosses_where_the_arithmetic_says() {
        // p95 = 20 + 0.3 · t − 4 on weekends, 42 days from a Monday
        List<DailyPeak> days = new ArrayList<>();
        for (int t = 0; t < 42; t++) {
            LocalDate d = ORIGIN.plusDays(t);
            days.add(new DailyPeak(d, 20 + 0.3 * t - (weekend(d) ? 4 : 0), 10));
        }
        LocalDate from = ORIGIN.plusDays(42);
        GrowthForecast.Forecast f = GrowthForecast.fit(days, from, 120, 45, 0.9);
        assertThat(f).isNotNull();
        assertThat(f.seasonal()).isTrue();
        assertThat(f.slopePerDay()).isCloseTo(0.3, within(1e-9));
        assertThat(f.residualSd()).isCloseTo(0, within(1e-6));
        // first day with 20 + 0.3 t > 45: t > 83.3 → t = 84, 12 weeks after a Monday (a weekday): 42 days from t = 42
        assertThat(ORIGIN.plusDays(84).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(f.daysUntilHot()).isEqualTo(42);
        GrowthForecast.Point saturday = f.points().get(5); // t = 47, 2026-12-05, a Saturday
        assertThat(saturday.day().getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(saturday.mean()).isCloseTo(20 + 0.3 * 47 - 4, within(1e-9));
        assertThat(f.crossesWithin(41)).isFalse();
        assertThat(f.crossesWithin(42)).isTrue();
    }

    @Test
    void a_short_history_fits_the_trend_alone_with_the_textbook_prediction_interval() {
        // 10 days: y = 30 + 0.5 t + e, e alternating ±1 (independent of t's order below)
        double[] e = {1, -1, -1, 1, 1, -1, 1, -1, -1, 1};
        List<DailyPeak> days = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            days.add(new DailyPeak(ORIGIN.plusDays(t), 30 + 0.5 * t + e[t], 10));
        }
        GrowthForecast.Forecast f = GrowthForecast.fit(days, ORIGIN.plusDays(10), 5, 45, 0.9);
        assertThat(f).isNotNull();
        assertThat(f.seasonal()).isFalse();
        // by hand: x̄ = 4.5, Sxx = 82.5, slope = Σ(x − x̄)(y − ȳ) / Sxx
        double xbar = 4.5;
        double ybar = 0;
        for (int t = 0; t < 10; t++) {
            ybar += (30 + 0.5 * t + e[t]) / 10;
        }
        double sxy = 0;
        for (int t = 0; t < 10; t++) {
            sxy += (t - xbar) * (30 + 0.5 * t + e[t] - ybar);
        }
        double slope = sxy / 82.5;
        double intercept = ybar - slope * xbar;
        double sse = 0;
        for (int t = 0; t < 10; t++) {
            double r = 30 + 0.5 * t + e[t] - (intercept + slope * t);
            sse += r * r;
        }
        double s = Math.sqrt(sse / 8);
        double x0 = 12; // the third forecast day
        double half = new TDistribution(8).inverseCumulativeProbability(0.95)
                * s
                * Math.sqrt(1 + 1.0 / 10 + (x0 - xbar) * (x0 - xbar) / 82.5);
        GrowthForecast.Point p = f.points().get(2);
        assertThat(f.slopePerDay()).isCloseTo(slope, within(1e-9));
        assertThat(p.mean()).isCloseTo(intercept + slope * x0, within(1e-9));
        assertThat(p.upper() - p.mean()).isCloseTo(half, within(1e-9));
        assertThat(p.mean() - p.lower()).isCloseTo(half, within(1e-9));
    }

    @Test
    void too_little_history_gives_no_forecast_and_future_rows_are_ignored() {
        List<DailyPeak> days = List.of(
                new DailyPeak(ORIGIN, 10, 2),
                new DailyPeak(ORIGIN.plusDays(1), 11, 2),
                new DailyPeak(ORIGIN.plusDays(2), 12, 2),
                new DailyPeak(ORIGIN.plusDays(3), 99, 2));
        assertThat(GrowthForecast.fit(days, ORIGIN.plusDays(3), 10, 45, 0.9)).isNull();
        assertThat(GrowthForecast.fit(days, ORIGIN.plusDays(4), 10, 45, 0.9)).isNotNull();
    }

    @Test
    void a_falling_pool_is_never_forecast_hot() {
        List<DailyPeak> days = new ArrayList<>();
        for (int t = 0; t < 28; t++) {
            days.add(new DailyPeak(ORIGIN.plusDays(t), 60 - t, 10));
        }
        GrowthForecast.Forecast f = GrowthForecast.fit(days, ORIGIN.plusDays(28), 28, 45, 0.9);
        assertThat(f.slopePerDay()).isCloseTo(-1, within(1e-9));
        assertThat(f.daysUntilHot()).isNull();
    }
}
