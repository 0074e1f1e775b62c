package dev.stampboard.signals;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import dev.stampboard.signals.engine.AlertSubject;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    private final SettingsVersion versions;
    /**
     * The settings version this instance's memory holds (guarded by {@code this}): its own change's from the moment
     * it is applied (before the commit), else the newest the follower applied. The follower applies only a newer one,
     * so it never puts an older version back over this instance's own change.
     */
    private long appliedVersion;
    /** No version: the next follow applies whatever is stored. */
    private static final long NONE = Long.MIN_VALUE;

    SignalSettingsService(
            FleetService fleet,
            SettingsStore settingsStore,
            RegionSettingsStore regionStore,
            SettingsVersion versions,
            ApplicationEventPublisher events,
            CurrentUser currentUser,
            Clock clock,
            SignalsProperties properties) {
        this.fleet = fleet;
        this.settingsStore = settingsStore;
        this.regionStore = regionStore;
        this.versions = versions;
        this.events = events;
        this.currentUser = currentUser;
        this.defaults = defaultRegionSettings(properties);
        // the version first: the settings read after it are at least that new
        this.appliedVersion = versions.current();
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

    /** The reactive rules a subject (a stamp or a registry replica) is judged by: its region's. */
    List<ReactiveRule> rulesOf(AlertSubject subject) {
        String region = subject instanceof AlertSubject.Replica replica
                ? replica.region().value()
                : stampRegions.get(((AlertSubject.Stamp) subject).name().value());
        return regionSettings(region).reactiveRules();
    }

    /**
     * Stores and applies a region's settings ({@code null}: back to the defaults). Only {@link RegionSettingsService}
     * calls this, after its role check and validation, in its transaction: the memory holds the change at once (the
     * caller reads it back), and is read again from the store if the transaction does not commit.
     */
    void applyRegionSettings(String region, @Nullable RegionSignalSettings settings, Actor actor) {
        long version = versions.raise();
        if (settings == null) {
            regionStore.delete(region);
        } else {
            regionStore.save(region, settings, actor);
        }
        synchronized (this) {
            useRegionSettings(region, settings);
            appliedVersion = Math.max(appliedVersion, version);
        }
        reloadUnlessCommitted();
    }

    /**
     * When the caller's transaction does not commit, this instance's memory is read again from the store: it held the
     * change (and its version) from before the commit.
     */
    private void reloadUnlessCommitted() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    return;
                }
                synchronized (SignalSettingsService.this) {
                    appliedVersion = NONE;
                }
                // a failure here is logged by Spring; the follower then reads the store on its next round
                followSettings();
            }
        });
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
        long version = versions.raise();
        settingsStore.saveThresholds(hot, warn, actor);
        SignalSettings old;
        synchronized (this) {
            old = engine.settings();
            useThresholds(hot, warn);
            appliedVersion = Math.max(appliedVersion, version);
        }
        reloadUnlessCommitted();
        events.publishEvent(new ThresholdsChanged(actor, old.hotThreshold(), hot, old.warnThreshold(), warn));
    }

    /** Applies thresholds to this instance's engine, keeping its windows and rules (they are stored already). */
    private void useThresholds(double hot, double warn) {
        SignalSettings current = engine.settings();
        if (hot != current.hotThreshold() || warn != current.warnThreshold()) {
            // the retention stays: a region's window may have grown it (it never shrinks while running)
            engine.updateSettings(current.withThresholds(hot, warn));
        }
    }

    /**
     * Thresholds and region settings another console instance changed (they are stored): applied to this instance's
     * engine when the stored version is newer than the one its memory holds. No event: the instance that changed
     * them audited the change. Returns the queries sent: one while nothing changed.
     */
    int followSettings() {
        Stored stored = readStored();
        if (stored == null) {
            return 1;
        }
        applyStored(stored);
        return 4;
    }

    /** What the store holds, read in one go (the version first); null when this instance holds that version. */
    @Nullable
    Stored readStored() {
        long version = versions.current();
        synchronized (this) {
            if (version <= appliedVersion) {
                return null;
            }
        }
        // read after the version: at least that new (a change committed in between is read again next time)
        return new Stored(
                version,
                settingsStore.hotThreshold().orElse(null),
                settingsStore.warnThreshold().orElse(null),
                regionStore.all());
    }

    /** The stored settings at {@code version} (or newer), as the follower read them. */
    record Stored(
            long version, @Nullable Double hot, @Nullable Double warn, Map<String, RegionSignalSettings> regions) {}

    /**
     * Applies what the follower read, unless this instance's memory holds that version or a newer one already: its
     * own change (applied before its commit, the follower's read maybe taken before the commit), or a later read.
     */
    synchronized boolean applyStored(Stored stored) {
        if (stored.version() <= appliedVersion) {
            return false;
        }
        stored.regions().forEach((region, settings) -> {
            if (!settings.equals(regionSettings.get(region))) {
                useRegionSettings(region, settings);
            }
        });
        for (String region : List.copyOf(regionSettings.keySet())) {
            if (!stored.regions().containsKey(region)) {
                useRegionSettings(region, null);
            }
        }
        SignalSettings current = engine.settings();
        useThresholds(
                stored.hot() == null ? current.hotThreshold() : stored.hot(),
                stored.warn() == null ? current.warnThreshold() : stored.warn());
        appliedVersion = stored.version();
        return true;
    }
}
