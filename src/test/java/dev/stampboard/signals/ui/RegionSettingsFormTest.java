package dev.stampboard.signals.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import dev.stampboard.KaribuTest;
import dev.stampboard.signals.SignalsService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Settings → "Triggers per region": shows the effective settings, marks bad fields, saves (audited), resets. */
class RegionSettingsFormTest extends KaribuTest {

    @Autowired
    SignalsService signals;

    @Autowired
    JdbcClient jdbc;

    private RegionSettingsForm open() {
        login("erin");
        UI.getCurrent().navigate(SignalSettingsView.class);
        RegionSettingsForm form = _get(SignalSettingsView.class).regions;
        return form;
    }

    private long auditEntries(String region) {
        return jdbc.sql("select count(*) from audit_event where subject = ? and actor = 'erin'")
                .param("signals.region." + region)
                .query(Long.class)
                .single();
    }

    @Test
    void bad_fields_are_marked_with_their_message_and_nothing_is_saved() {
        RegionSettingsForm form = open();
        String region = form.region.getValue();
        assertThat(form.status.getText()).isEqualTo(region + " uses the defaults (stampboard.signals.*).");
        assertThat(form.windowMinutes.getValue()).isEqualTo(720);
        assertThat(form.dailyZone.isVisible()).isFalse();

        form.windowKind.setValue("DAILY");
        assertThat(form.dailyZone.isVisible()).isTrue();
        form.dailyStart.setValue("08:00");
        form.dailyEnd.setValue("08:00");
        form.dailyZone.setValue("Atlantis/Capital");
        form.scoreThreshold.setValue(120.0);
        long before = auditEntries(region);
        ButtonKt._click(form.save);

        assertThat(form.dailyEnd.isInvalid()).isTrue();
        assertThat(form.dailyEnd.getErrorMessage()).startsWith("must differ from dailyStart");
        assertThat(form.dailyZone.getErrorMessage()).contains("'Atlantis/Capital' is not a time zone");
        assertThat(form.scoreThreshold.getErrorMessage()).isEqualTo("must be above 0 and at most 100, got 120");
        assertThat(form.dailyStart.isInvalid()).isFalse();
        assertThat(signals.hasOwnSettings(region)).isFalse();
        assertThat(auditEntries(region)).isEqualTo(before);
    }

    @Test
    void an_admin_saves_a_daily_window_and_rules_for_one_region_and_resets_it() {
        RegionSettingsForm form = open();
        String region = form.region.getValue();
        long before = auditEntries(region);
        try {
            form.windowKind.setValue("DAILY");
            form.dailyStart.setValue("08:00");
            form.dailyEnd.setValue("20:00");
            form.dailyZone.setValue("Europe/Amsterdam");
            form.throttlingPercent.setValue(3.5);
            form.scoreThreshold.setValue(80.0);
            form.scoreMinutes.setValue(15);
            ButtonKt._click(form.save);

            assertThat(form.status.getText()).isEqualTo(region + " has settings of its own.");
            var own = signals.regionSettings(region);
            assertThat(own.summary())
                    .isEqualTo("peak window daily 08:00–20:00 Europe/Amsterdam; throttling > 3.5 % for 10 min;"
                            + " 5xx > 5 % for 5 min; p99 > 2000 ms for 10 min; score >= 80 for 15 min");
            assertThat(signals.stampSignalsIn(region).get(0).stamp().region()).isEqualTo(region);
            assertThat(signals.peakWindowOf(
                            signals.stampSignalsIn(region).get(0).stamp().name()))
                    .isEqualTo(own.peakWindow());
            assertThat(auditEntries(region)).isEqualTo(before + 1);
        } finally {
            ButtonKt._click(form.reset);
        }
        assertThat(signals.hasOwnSettings(region)).isFalse();
        assertThat(form.status.getText()).isEqualTo(region + " uses the defaults (stampboard.signals.*).");
        assertThat(auditEntries(region)).isEqualTo(before + 2);
    }
}
