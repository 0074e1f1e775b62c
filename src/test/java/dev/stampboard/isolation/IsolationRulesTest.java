package dev.stampboard.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.planning.engine.Sizing;
import dev.stampboard.planning.engine.SizingCalculator;
import dev.stampboard.planning.engine.SizingSettings;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each intake field's rule says what is wrong; the sizing arithmetic is DESIGN §6's. */
class IsolationRulesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-26");

    @Test
    void registries_at_least_one_and_no_duplicates() {
        assertThat(IsolationRules.registries(null)).contains("at least one registry");
        assertThat(IsolationRules.registries(List.of())).contains("at least one registry");
        assertThat(IsolationRules.registries(List.of("a", "a"))).contains("once");
        assertThat(IsolationRules.registries(List.of("a", "b"))).isNull();
    }

    @Test
    void qps_is_required_positive_and_bounded() {
        assertThat(IsolationRules.expectedPeakQps(null)).contains("Enter the expected peak requests per second");
        assertThat(IsolationRules.expectedPeakQps(0L))
                .contains("between 1 and 10,000,000")
                .contains("got 0");
        assertThat(IsolationRules.expectedPeakQps(20_000_000L)).contains("got 20,000,000");
        assertThat(IsolationRules.expectedPeakQps(20000L)).isNull();
    }

    @Test
    void throughput_is_required_positive_and_bounded() {
        assertThat(IsolationRules.peakThroughputGbps(null)).contains("Enter the peak throughput");
        assertThat(IsolationRules.peakThroughputGbps(0.0)).contains("above 0");
        assertThat(IsolationRules.peakThroughputGbps(Double.NaN)).contains("above 0");
        assertThat(IsolationRules.peakThroughputGbps(20_000.0)).contains("at most 10,000 Gbit/s");
        assertThat(IsolationRules.peakThroughputGbps(40.0)).isNull();
    }

    @Test
    void data_volume_is_required_positive_and_bounded() {
        assertThat(IsolationRules.dataVolumeTb(null)).contains("Enter the data volume");
        assertThat(IsolationRules.dataVolumeTb(-1.0)).contains("above 0");
        assertThat(IsolationRules.dataVolumeTb(1e6)).contains("at most 100,000 TB");
        assertThat(IsolationRules.dataVolumeTb(300.0)).isNull();
    }

    @Test
    void justification_needs_substance_and_fits_the_column() {
        assertThat(IsolationRules.justification(null)).contains("Say why");
        assertThat(IsolationRules.justification("   ")).contains("Say why");
        assertThat(IsolationRules.justification("because")).contains("too short: at least 20 characters");
        assertThat(IsolationRules.justification("x".repeat(2001))).contains("too long");
        assertThat(IsolationRules.justification("Training fleet doubles in December"))
                .isNull();
    }

    @Test
    void wanted_by_is_today_or_later_and_within_two_years() {
        assertThat(IsolationRules.wantedBy(null, TODAY)).contains("Enter the date");
        assertThat(IsolationRules.wantedBy(TODAY.minusDays(1), TODAY))
                .isEqualTo("The wanted-by date 2026-11-25 is in the past; today is 2026-11-26");
        assertThat(IsolationRules.wantedBy(TODAY.plusYears(3), TODAY)).contains("more than two years away");
        assertThat(IsolationRules.wantedBy(TODAY, TODAY)).isNull();
        assertThat(IsolationRules.wantedBy(LocalDate.parse("2026-12-15"), TODAY))
                .isNull();
    }

    @Test
    void sizing_is_demand_over_capacity_at_target_utilisation_plus_headroom() {
        // DESIGN §11's example: 20,000 QPS, 40 Gbps, 300 TB with 500 QPS/node, 6 Gbps/node, 100 TB/account, 40 %, +20 %
        Sizing s = SizingCalculator.size(20000, 40, 300, SizingSettings.defaults());
        assertThat(s.registryNodes()).isEqualTo(120); // 20000 / (500 × 0.4) × 1.2 = 120
        assertThat(s.dataproxyNodes()).isEqualTo(20); // 40 / (6 × 0.4) × 1.2 = 20
        assertThat(s.storageAccounts()).isEqualTo(3); // 300 / 100
        assertThat(new DedicatedSizing(s.registryNodes(), s.dataproxyNodes(), s.storageAccounts(), s.arithmetic())
                        .arithmeticLines())
                .containsExactly(
                        "registry nodes = ceil(20000 QPS ÷ (500 QPS/node × 40 %) × 1.20) = 120",
                        "dataproxy nodes = ceil(40.0 Gbps ÷ (6.0 Gbps/node × 40 %) × 1.20) = 20",
                        "storage accounts = max(1, ceil(300.0 TB ÷ 100 TB)) = 3");
        // rounding up, and never a pool of one
        Sizing small = SizingCalculator.size(201, 0.1, 100.5, SizingSettings.defaults());
        assertThat(small.registryNodes()).isEqualTo(2);
        assertThat(small.dataproxyNodes()).isEqualTo(2);
        assertThat(small.storageAccounts()).isEqualTo(2);
        Sizing odd = SizingCalculator.size(20001, 40, 300, new SizingSettings(500, 6, 100, 0.5, 0));
        assertThat(odd.registryNodes()).isEqualTo(81); // 20001 / 250 = 80.004 → 81
    }
}
