package dev.stampboard.signals;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.RegionInfo;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-region signal settings (issue 16 item 6): each region's peak window, reactive rules and score rule,
 * read by everyone, changed by administrators only, every change audited ({@link RegionSignalSettingsChanged}).
 */
@Service
public class RegionSettingsService {

    /** One region's effective settings and whether they are its own or the defaults. */
    public record RegionSettingsDetails(String region, boolean custom, RegionSignalSettings settings) {}

    /** Bad input, with each field's problem, so a form can mark the fields and the API name them. */
    public static class InvalidSettings extends InvalidInputException {
        private final transient List<RegionSettingsInput.Problem> problems;

        InvalidSettings(List<RegionSettingsInput.Problem> problems) {
            super(String.join(
                    "; ",
                    problems.stream().map(RegionSettingsInput.Problem::toString).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<RegionSettingsInput.Problem> problems() {
            return problems;
        }
    }

    private final SignalSettingsService signals;
    private final FleetService fleet;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    RegionSettingsService(
            SignalSettingsService signals,
            FleetService fleet,
            CurrentUser currentUser,
            ApplicationEventPublisher events) {
        this.signals = signals;
        this.fleet = fleet;
        this.currentUser = currentUser;
        this.events = events;
    }

    public List<RegionSettingsDetails> all() {
        return fleet.regions().stream().map(r -> get(r.name())).toList();
    }

    public RegionSettingsDetails get(String region) {
        requireRegion(region);
        return new RegionSettingsDetails(region, signals.hasOwnSettings(region), signals.regionSettings(region));
    }

    public RegionSignalSettings defaults() {
        return signals.defaultRegionSettings();
    }

    /** Admins only. Refuses an unknown region and invalid input (each field named), stores, applies, audits. */
    @Transactional
    public RegionSettingsDetails change(String region, RegionSettingsInput input, Actor actor) {
        currentUser.requireRole(actor, Role.ADMIN);
        requireRegion(region);
        List<RegionSettingsInput.Problem> problems = input.problems();
        if (!problems.isEmpty()) {
            throw new InvalidSettings(problems);
        }
        RegionSignalSettings before = signals.regionSettings(region);
        RegionSignalSettings after = input.toSettings();
        // the audit entry is written in this transaction first: if it fails, nothing is stored or applied
        events.publishEvent(new RegionSignalSettingsChanged(actor, region, before.summary(), after.summary(), false));
        signals.applyRegionSettings(region, after, actor);
        return get(region);
    }

    /** Admins only: the region goes back to the defaults (audited, also when it had none of its own). */
    @Transactional
    public RegionSettingsDetails reset(String region, Actor actor) {
        currentUser.requireRole(actor, Role.ADMIN);
        requireRegion(region);
        RegionSignalSettings before = signals.regionSettings(region);
        events.publishEvent(new RegionSignalSettingsChanged(
                actor, region, before.summary(), signals.defaultRegionSettings().summary(), true));
        signals.applyRegionSettings(region, null, actor);
        return get(region);
    }

    private void requireRegion(String region) {
        if (fleet.regions().stream().map(RegionInfo::name).noneMatch(region::equals)) {
            throw new NotFoundException("Unknown region '" + region + "'");
        }
    }
}
