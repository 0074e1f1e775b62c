package dev.stampboard.signals;

import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.signals.engine.AlertSubject;
import dev.stampboard.signals.engine.PoolState;
import dev.stampboard.signals.engine.ReactiveAlert;
import dev.stampboard.signals.engine.ScoreRule;
import dev.stampboard.signals.engine.StampTrigger;
import dev.stampboard.signals.engine.TriggerRules;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Which stamps are triggered now, and by which signal (issue 16 item 6): the facts come from the signals
 * engine (P95 over the region's peak window, reactive rules of the region) and the {@link StampScores} port;
 * {@link TriggerRules} decides. The planner, the wizard, the dashboard's alerts and the API all ask here.
 */
@Service
public class TriggerService {

    private final SignalsService signals;
    private final FleetService fleet;
    private final StampScores scores;

    TriggerService(SignalsService signals, FleetService fleet, StampScores scores) {
        this.signals = signals;
        this.fleet = fleet;
        this.scores = scores;
    }

    /** The triggered stamps of a region with their triggers, in the fleet's stamp order. */
    public Map<String, List<StampTrigger>> triggeredIn(String region) {
        Map<String, List<ReactiveAlert>> alerts = stampAlerts();
        Map<String, List<StampTrigger>> out = new LinkedHashMap<>();
        for (StampInfo stamp : fleet.stamps(region)) {
            List<StampTrigger> triggers = evaluate(stamp, alerts.getOrDefault(stamp.name(), List.of()));
            if (!triggers.isEmpty()) {
                out.put(stamp.name(), triggers);
            }
        }
        return out;
    }

    /** One stamp's triggers now (empty: not triggered). */
    public List<StampTrigger> of(String stamp) {
        StampInfo info = fleet.requireStamp(stamp);
        return evaluate(info, stampAlerts().getOrDefault(stamp, List.of()));
    }

    private List<StampTrigger> evaluate(StampInfo stamp, List<ReactiveAlert> alerts) {
        Map<PoolKind, OptionalDouble> p95 = new EnumMap<>(PoolKind.class);
        Map<PoolKind, Long> hotSince = new EnumMap<>(PoolKind.class);
        for (PoolKind kind : PoolKind.values()) {
            if (stamp.pool(kind).isPresent()) {
                p95.put(kind, signals.hotNodeP95(stamp.name(), kind));
                StateSince since = signals.stateSince(stamp.name(), kind);
                if (since.state() == PoolState.HOT) {
                    hotSince.put(kind, since.sinceMinute());
                }
            }
        }
        ScoreRule rule = signals.regionSettings(stamp.region()).scoreRule();
        OptionalDouble score = scores.scoreOf(stamp.name());
        int held = score.isPresent() ? scores.minutesAtOrAbove(stamp.name(), rule.threshold()) : 0;
        return TriggerRules.evaluate(new TriggerRules.StampFacts(
                stamp.name(),
                p95,
                signals.settings().hotThreshold(),
                alerts,
                score,
                held,
                rule,
                signals.nowMinute(),
                hotSince));
    }

    /** Reactive rules firing on stamps (not replicas), by stamp. */
    private Map<String, List<ReactiveAlert>> stampAlerts() {
        return signals.activeAlerts().stream()
                .filter(a -> a.subject() instanceof AlertSubject.Stamp)
                .collect(Collectors.groupingBy(
                        a -> ((AlertSubject.Stamp) a.subject()).name().value()));
    }
}
