package dev.stampboard.signals;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import dev.stampboard.signals.engine.PeakWindow;
import dev.stampboard.signals.engine.ReactiveRule;
import dev.stampboard.signals.engine.SignalEngine;
import dev.stampboard.signals.engine.SignalSettings;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settings the signals are judged by, and the engine they are applied to: the hot and warning thresholds, the
 * defaults ({@code stampboard.signals.*}) and each region's own settings, and which region each declared stamp is in.
 * {@link SignalFeed} feeds the engine, {@link SignalsService} answers questions about it.
 */
@Service
public class SignalSettingsService {

    private final FleetService fleet;
    private final SettingsStore settingsStore;
    private final RegionSettingsStore regionStore;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    /** Every region's settings unless it has its own: {@code stampboard.signals.*}. */
    private final RegionSignalSettings defaults;
    /** Regions with settings of their own (admins set them in Settings or through the API). */
    private final Map<String, RegionSignalSettings> regionSettings = new ConcurrentHashMap<>();
    /** Which region each declared stamp is in, to judge it (and its alerts) by that region's settings. */
    private final Map<String, String> stampRegions = new ConcurrentHashMap<>();

    private final SignalEngine engine;

    SignalSettingsService(
            FleetService fleet,
            SettingsStore settingsStore,
            RegionSettingsStore regionStore,
            ApplicationEventPublisher events,
            CurrentUser currentUser,
            Clock clock,
            SignalsProperties properties) {
        this.fleet = fleet;
        this.settingsStore = settingsStore;
        this.regionStore = regionStore;
        this.events = events;
        this.currentUser = currentUser;
        this.defaults = defaultRegionSettings(properties);
        this.regionSettings.putAll(regionStore.all());
        this.engine =
                new SignalEngine(initialSettings(properties), clock.instant().getEpochSecond() / 60);
    }

    /** The engine, for the feed and the queries of this package. */
    SignalEngine engine() {
        return engine;
    }

    private static RegionSignalSettings defaultRegionSettings(SignalsProperties p) {
        PeakWindow window = p.dailyWindowStart() != null && p.dailyWindowEnd() != null
                ? new PeakWindow.DailyFixed(
                        p.dailyWindowStart(),
                        p.dailyWindowEnd(),
                        ZoneId.of(p.dailyWindowZone() == null ? "UTC" : p.dailyWindowZone()))
                : new PeakWindow.Trailing(p.windowMinutes());
        return new RegionSignalSettings(
                window,
                p.throttlingPercent(),
                p.throttlingMinutes(),
                p.errorPercent(),
                p.errorMinutes(),
                p.p99LatencyMs(),
                p.p99Minutes(),
                p.scoreThreshold(),
                p.scoreMinutes());
    }

    private SignalSettings initialSettings(SignalsProperties p) {
        SignalSettings settings = new SignalSettings(
                settingsStore.hotThreshold().orElse(p.hotThreshold()),
                settingsStore.warnThreshold().orElse(p.warnThreshold()),
                defaults.peakWindow(),
                defaults.reactiveRules());
        return settings.withRetentionMinutes(retentionFor(settings));
    }

    /** Enough history for the default window and rules and for every region's own. */
    private int retentionFor(SignalSettings settings) {
        int needed = SignalSettings.requiredRetention(settings.peakWindow(), settings.reactiveRules());
        for (RegionSignalSettings r : regionSettings.values()) {
            needed = Math.max(needed, SignalSettings.requiredRetention(r.peakWindow(), r.reactiveRules()));
        }
        return needed;
    }

    // ---- per-region settings -----------------------------------------------------------------

    /** The settings a region's stamps are judged by: its own, else the defaults. */
    public RegionSignalSettings regionSettings(@Nullable String region) {
        return region == null ? defaults : regionSettings.getOrDefault(region, defaults);
    }

    /** {@code stampboard.signals.*}: what a region without settings of its own uses. */
    public RegionSignalSettings defaultRegionSettings() {
        return defaults;
    }

    /** Whether the region has settings of its own. */
    public boolean hasOwnSettings(String region) {
        return regionSettings.containsKey(region);
    }

    /** Remembers the region of a stamp the engine was told about, and gives the stamp its region's peak window. */
    void stampDeclared(StampInfo stamp) {
        stampRegions.put(stamp.name(), stamp.region());
        RegionSignalSettings own = regionSettings.get(stamp.region());
        engine.setStampPeakWindow(stamp.name(), own == null ? null : own.peakWindow());
    }

    /** The reactive rules a subject (a stamp name or {@code registry@region}) is judged by: its region's. */
    List<ReactiveRule> rulesOf(String subject) {
        int at = subject.lastIndexOf('@');
        String region = at >= 0 ? subject.substring(at + 1) : stampRegions.get(subject);
        return regionSettings(region).reactiveRules();
    }

    /**
     * Stores and applies a region's settings ({@code null}: back to the defaults). Only {@link RegionSettingsService}
     * calls this, after its role check and validation, in its transaction.
     */
    synchronized void applyRegionSettings(String region, @Nullable RegionSignalSettings settings, Actor actor) {
        if (settings == null) {
            regionStore.delete(region);
        } else {
            regionStore.save(region, settings, actor);
        }
        useRegionSettings(region, settings);
    }

    /** Applies a region's settings ({@code null}: the defaults) to this instance's engine; they are stored already. */
    private void useRegionSettings(String region, @Nullable RegionSignalSettings settings) {
        if (settings == null) {
            regionSettings.remove(region);
        } else {
            regionSettings.put(region, settings);
        }
        SignalSettings current = engine.settings();
        int retention = retentionFor(current);
        if (retention > current.retentionMinutes()) {
            // grow first, so that the region's window fits; retention never shrinks while running
            engine.updateSettings(current.withRetentionMinutes(retention));
        }
        for (StampInfo stamp : fleet.stamps(region)) {
            engine.setStampPeakWindow(stamp.name(), settings == null ? null : settings.peakWindow());
        }
    }

    // ---- thresholds --------------------------------------------------------------------------

    @Transactional
    public void changeThresholds(double hot, double warn, Actor actor) {
        currentUser.requireRole(actor, Role.ADMIN);
        if (!(hot > 0 && hot <= 100) || !(warn > 0 && warn <= 100)) {
            throw new InvalidInputException("Thresholds must be between 0 and 100 %");
        }
        if (warn > hot) {
            throw new InvalidInputException(
                    "The warning threshold (" + warn + " %) must not be above the hot threshold (" + hot + " %)");
        }
        SignalSettings old = engine.settings();
        engine.updateSettings(new SignalSettings(hot, warn, old.peakWindow(), old.reactiveRules()));
        settingsStore.saveThresholds(hot, warn, actor);
        events.publishEvent(new ThresholdsChanged(actor, old.hotThreshold(), hot, old.warnThreshold(), warn));
    }

    /**
     * Thresholds another console instance changed (they are stored): applied to this instance's engine. No event: the
     * instance that changed them audited the change.
     */
    void followSettings() {
        followRegionSettings();
        SignalSettings old = engine.settings();
        double hot = settingsStore.hotThreshold().orElse(old.hotThreshold());
        double warn = settingsStore.warnThreshold().orElse(old.warnThreshold());
        if (hot != old.hotThreshold() || warn != old.warnThreshold()) {
            engine.updateSettings(new SignalSettings(hot, warn, old.peakWindow(), old.reactiveRules()));
        }
    }

    /** Region settings another console instance stored (or removed): applied to this instance's engine. */
    private synchronized void followRegionSettings() {
        Map<String, RegionSignalSettings> stored = regionStore.all();
        stored.forEach((region, settings) -> {
            if (!settings.equals(regionSettings.get(region))) {
                useRegionSettings(region, settings);
            }
        });
        for (String region : List.copyOf(regionSettings.keySet())) {
            if (!stored.containsKey(region)) {
                useRegionSettings(region, null);
            }
        }
    }
}
