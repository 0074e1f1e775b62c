package dev.stampboard.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.signals.engine.PeakWindow;
import dev.stampboard.support.TestNames;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 18: an instance's own settings change is never undone in its memory by the follower — neither by a read
 * taken while the change is not committed (the follower runs on its own thread and connection), nor by a read taken
 * just before the change and applied after its commit — while changes stored by another instance are still followed.
 * Each case failed on the code before the settings version: the follower put the older stored value back.
 */
class SettingsFollowVersionTest extends SpringTest {

    private static final TestNames NAMES = TestNames.of(SettingsFollowVersionTest.class);

    @Autowired
    SignalSettingsService settings;

    @Autowired
    SettingsStore settingsStore;

    @Autowired
    SettingsVersion versions;

    @Autowired
    RegionSettingsStore regionStore;

    @Autowired
    PlatformTransactionManager transactions;

    private TransactionTemplate tx;
    private double hot;
    private double warn;

    @BeforeEach
    void remember() {
        tx = new TransactionTemplate(transactions);
        hot = settings.engine().settings().hotThreshold();
        warn = settings.engine().settings().warnThreshold();
    }

    @AfterEach
    void restore() {
        settings.changeThresholds(hot, warn, Actor.SYSTEM);
        tx.executeWithoutResult(s -> settings.applyRegionSettings(NAMES.region(), null, Actor.SYSTEM));
        settings.followSettings();
    }

    /** What the follower does, on a thread and connection of its own (as the real follower's thread). */
    private static void elsewhere(Runnable work) {
        CompletableFuture.runAsync(work).join();
    }

    private double hotNow() {
        return settings.engine().settings().hotThreshold();
    }

    @Test
    void the_follower_does_not_undo_an_own_threshold_change_before_its_commit() {
        // a quarter point: no pool of the shared context sits that close to the threshold, the others' tests see
        // the same states
        tx.executeWithoutResult(s -> {
            settings.changeThresholds(hot + 0.25, warn + 0.25, Actor.SYSTEM);
            elsewhere(settings::followSettings);
            assertThat(hotNow())
                    .as("the follower read the committed (older) thresholds and must not apply them")
                    .isEqualTo(hot + 0.25);
        });
        elsewhere(settings::followSettings);
        assertThat(hotNow()).isEqualTo(hot + 0.25);
        assertThat(settings.engine().settings().warnThreshold()).isEqualTo(warn + 0.25);
    }

    @Test
    void a_read_taken_before_an_own_change_is_not_applied_after_its_commit() {
        // another instance stores thresholds (its own transaction, version raised as every change does)
        tx.executeWithoutResult(s -> {
            versions.raise();
            settingsStore.saveThresholds(hot + 0.5, warn + 0.5, Actor.system("other-instance"));
        });
        // the follower reads them (what readStored reads; built here, since the context's own follower may apply
        // them first) and is about to apply them when this instance's own change commits
        SignalSettingsService.Stored read = new SignalSettingsService.Stored(
                versions.current(),
                settingsStore.hotThreshold().orElseThrow(),
                settingsStore.warnThreshold().orElseThrow(),
                regionStore.all());
        assertThat(read.hot()).isEqualTo(hot + 0.5);
        settings.changeThresholds(hot + 0.25, warn + 0.25, Actor.SYSTEM);

        assertThat(settings.applyStored(read))
                .as("an older version than the memory holds")
                .isFalse();
        assertThat(hotNow()).isEqualTo(hot + 0.25);
        elsewhere(settings::followSettings);
        assertThat(hotNow()).isEqualTo(hot + 0.25);
    }

    @Test
    void thresholds_another_instance_stored_are_followed() {
        tx.executeWithoutResult(s -> {
            versions.raise();
            settingsStore.saveThresholds(hot + 0.5, warn + 0.5, Actor.system("other-instance"));
        });
        assertThat(hotNow()).as("not read yet").isEqualTo(hot);

        assertThat(settings.followSettings())
                .as("queries: the version, then both thresholds and the regions")
                .isEqualTo(4);
        assertThat(hotNow()).isEqualTo(hot + 0.5);
        assertThat(settings.engine().settings().warnThreshold()).isEqualTo(warn + 0.5);
        assertThat(settings.followSettings()).as("nothing newer: one query").isEqualTo(1);
    }

    @Test
    void the_follower_does_not_undo_an_own_region_change_before_its_commit() {
        String region = NAMES.region();
        RegionSignalSettings defaults = settings.defaultRegionSettings();
        RegionSignalSettings own = new RegionSignalSettings(
                new PeakWindow.Trailing(240),
                defaults.throttlingPercent(),
                defaults.throttlingMinutes(),
                defaults.errorPercent(),
                defaults.errorMinutes(),
                defaults.p99LatencyMs(),
                defaults.p99Minutes(),
                defaults.scoreThreshold(),
                defaults.scoreMinutes());
        tx.executeWithoutResult(s -> {
            settings.applyRegionSettings(region, own, Actor.SYSTEM);
            elsewhere(settings::followSettings);
            assertThat(settings.hasOwnSettings(region))
                    .as("the follower read no row for the region and must not drop it")
                    .isTrue();
        });
        elsewhere(settings::followSettings);
        assertThat(settings.regionSettings(region)).isEqualTo(own);

        // and back to the defaults: the follower, reading the row still committed, must not bring it back
        tx.executeWithoutResult(s -> {
            settings.applyRegionSettings(region, null, Actor.SYSTEM);
            elsewhere(settings::followSettings);
            assertThat(settings.hasOwnSettings(region)).isFalse();
        });
        elsewhere(settings::followSettings);
        assertThat(settings.hasOwnSettings(region)).isFalse();
    }

    @Test
    void a_change_that_does_not_commit_leaves_the_memory_as_it_was() {
        tx.executeWithoutResult(s -> {
            settings.changeThresholds(hot + 0.25, warn + 0.25, Actor.SYSTEM);
            settings.applyRegionSettings(NAMES.region(), settings.defaultRegionSettings(), Actor.SYSTEM);
            assertThat(hotNow()).isEqualTo(hot + 0.25);
            s.setRollbackOnly();
        });
        assertThat(hotNow()).isEqualTo(hot);
        assertThat(settings.engine().settings().warnThreshold()).isEqualTo(warn);
        assertThat(settings.hasOwnSettings(NAMES.region())).isFalse();
        assertThat(settings.followSettings())
                .as("the memory holds the stored version again")
                .isEqualTo(1);
    }
}
