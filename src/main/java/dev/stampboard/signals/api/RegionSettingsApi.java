package dev.stampboard.signals.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.security.Role;
import dev.stampboard.signals.RegionSettingsInput;
import dev.stampboard.signals.RegionSettingsService;
import dev.stampboard.signals.RegionSettingsService.RegionSettingsDetails;
import java.security.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Per-region signal settings (issue 16): peak window (trailing or fixed daily), reactive thresholds and the
 * score rule. Everyone on staff reads them; only administrators change or reset them (audited).
 */
@RestController
@RequestMapping("/api/v1")
class RegionSettingsApi {

    private final RegionSettingsService settings;

    RegionSettingsApi(RegionSettingsService settings) {
        this.settings = settings;
    }

    /** The defaults ({@code stampboard.signals.*}) and every region's effective settings. */
    @GetMapping("/signal-settings")
    @Secured(Role.Authority.VIEWER)
    AllJson all() {
        return new AllJson(
                RegionSettingsInput.of(settings.defaults()),
                settings.all().stream().map(RegionJson::of).toList());
    }

    @GetMapping("/regions/{region}/signal-settings")
    @Secured(Role.Authority.VIEWER)
    RegionJson get(@PathVariable String region) {
        return RegionJson.of(settings.get(region));
    }

    /** Replaces the region's settings (every field, as GET answers them); 400 names each field that is wrong. */
    @PutMapping("/regions/{region}/signal-settings")
    @Secured(Role.Authority.ADMIN)
    RegionJson change(
            @PathVariable String region, @RequestBody @Nullable RegionSettingsInput body, Principal principal) {
        if (body == null) {
            throw new InvalidInputException(
                    "The body must be {\"peakWindow\":\"TRAILING\"|\"DAILY\", \"windowMinutes\":…"
                            + " or \"dailyStart\",\"dailyEnd\",\"dailyZone\", \"throttlingPercent\",\"throttlingMinutes\","
                            + " \"errorPercent\",\"errorMinutes\", \"p99LatencyMs\",\"p99Minutes\", \"scoreThreshold\",\"scoreMinutes\"}");
        }
        return RegionJson.of(settings.change(region, body, Actor.user(principal.getName())));
    }

    /** The region goes back to the defaults. */
    @DeleteMapping("/regions/{region}/signal-settings")
    @Secured(Role.Authority.ADMIN)
    RegionJson reset(@PathVariable String region, Principal principal) {
        return RegionJson.of(settings.reset(region, Actor.user(principal.getName())));
    }

    record AllJson(RegionSettingsInput defaults, List<RegionJson> regions) {}

    record RegionJson(
            String region, boolean custom, @JsonUnwrapped RegionSettingsInput settings) {
        static RegionJson of(RegionSettingsDetails d) {
            return new RegionJson(d.region(), d.custom(), RegionSettingsInput.of(d.settings()));
        }
    }
}
