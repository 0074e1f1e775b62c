package dev.stampboard.isolation;

import dev.stampboard.base.Actor;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolInfo;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.planning.StampSizing;
import dev.stampboard.planning.engine.Sizing;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Issue 17 item 5: a second approved request for a customer and region that already have a dedicated stamp grows
 * that stamp to the summed sizing — the stated peaks of every approved request on the stamp added up, sized through
 * the one sizing path ({@link StampSizing}) — and never shrinks it. The growth itself is a capacity change
 * ({@link DedicatedStampGrowthRequested}); the request goes on meanwhile (its migration plan waits for an engineer).
 */
@Component
class DedicatedGrowth {

    /** Requests whose stamp is (being) built for them: approved and on. */
    private static final Set<IsolationState> APPROVED_AND_ON = EnumSet.of(
            IsolationState.APPROVED,
            IsolationState.PROVISIONING,
            IsolationState.READY,
            IsolationState.MIGRATING,
            IsolationState.DONE);

    private final IsolationRequestRepository requests;
    private final StampSizing sizing;
    private final FleetService fleet;
    private final ApplicationEventPublisher events;

    DedicatedGrowth(
            IsolationRequestRepository requests,
            StampSizing sizing,
            FleetService fleet,
            ApplicationEventPublisher events) {
        this.requests = requests;
        this.sizing = sizing;
        this.fleet = fleet;
        this.events = events;
    }

    /** The summed sizing of every approved request on {@code stamp} (this one among them). */
    Sizing summed(String stamp) {
        List<IsolationRequestDetails> on = requests.findByStateIn(List.copyOf(APPROVED_AND_ON)).stream()
                .filter(r -> stamp.equals(r.dedicatedStamp()))
                .map(IsolationRequest::toView)
                .toList();
        double qps = on.stream()
                .mapToDouble(IsolationRequestDetails::expectedPeakQps)
                .sum();
        double gbps = on.stream()
                .mapToDouble(IsolationRequestDetails::peakThroughputGbps)
                .sum();
        double tb =
                on.stream().mapToDouble(IsolationRequestDetails::dataVolumeTb).sum();
        return sizing.size(qps, gbps, tb);
    }

    /** Asks for the growth when the stamp is smaller than the summed sizing; returns the request's history note. */
    String ask(IsolationRequest r, String stamp) {
        StampInfo info = fleet.requireStamp(stamp);
        Sizing summed = summed(stamp);
        int registryNow = size(info, PoolKind.REGISTRY);
        int dataproxyNow = size(info, PoolKind.DATAPROXY);
        int registry = Math.max(registryNow, summed.registryNodes());
        int dataproxy = Math.max(dataproxyNow, summed.dataproxyNodes());
        String sizes = " (summed sizing of the approved requests on it: " + summed.arithmetic() + ")";
        if (registry == registryNow && dataproxy == dataproxyNow) {
            return "dedicated stamp " + stamp + " already has " + registryNow + " registry and " + dataproxyNow
                    + " dataproxy nodes, enough for every request on it" + sizes;
        }
        String decidedBy = r.toView().decidedBy();
        events.publishEvent(new DedicatedStampGrowthRequested(
                r.getId(),
                stamp,
                r.region(),
                r.customer(),
                registry,
                dataproxy,
                summed.arithmetic(),
                Actor.user(r.requestedBy()),
                Actor.user(decidedBy == null ? r.requestedBy() : decidedBy)));
        return "growing dedicated stamp " + stamp + " from " + registryNow + " / " + dataproxyNow + " to " + registry
                + " / " + dataproxy + " registry / dataproxy nodes through a capacity change" + sizes;
    }

    private static int size(StampInfo stamp, PoolKind kind) {
        return stamp.pool(kind).map(PoolInfo::currentInstances).orElse(0);
    }
}
