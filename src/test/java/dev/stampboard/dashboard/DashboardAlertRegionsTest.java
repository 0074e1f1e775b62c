package dev.stampboard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import dev.stampboard.base.Actor;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.RegistryDeclaration;
import dev.stampboard.signals.SignalFeed;
import dev.stampboard.signals.SignalsService;
import dev.stampboard.signals.engine.AlertSubject;
import dev.stampboard.signals.engine.ReplicaMinute;
import dev.stampboard.signals.engine.TrafficCounts;
import dev.stampboard.signals.engine.TriggerKind;
import dev.stampboard.support.TestNames;
import dev.stampboard.support.TestStamps;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fleet dashboard puts each reactive alert in the region it is about (issue 11: typed alert subjects, no
 * {@code registry@region} text match): two regions of this class's own, and a registry named after the first region
 * with a replica in each. Only its second region's replica throttles, so its alert, and the stamp serving it, belong
 * to the second region alone.
 */
class DashboardAlertRegionsTest extends SpringTest {

    private static final TestNames NAMES = TestNames.of(DashboardAlertRegionsTest.class);

    private static final String REGION_A = NAMES.region();
    private static final String REGION_B = NAMES.prefix() + "-second";
    private static final String STAMP_A = NAMES.stamp(1);
    private static final String STAMP_B = NAMES.stamp(2);
    /** Region-like text in a registry's name: it names region A and has a replica in A and in B. */
    private static final String TWO_REGIONS = NAMES.registry(REGION_A);
    /** Only in region A, on stamp A. */
    private static final String ONLY_A = NAMES.registry("only-a");

    @Autowired
    FleetService fleet;

    @Autowired
    SignalFeed feed;

    @Autowired
    SignalsService signals;

    @Autowired
    DashboardService dashboard;

    private void declareStamp(String name, String region) {
        fleet.declareStamp(name, TestStamps.oneNodePerPool(region), Actor.SYSTEM);
    }

    private void traffic(String registry, String region, String stamp, long minute, long requests, long throttled) {
        assertThat(feed.recordTraffic(
                                ReplicaMinute.of(registry, region, stamp, minute),
                                new TrafficCounts(requests, requests * 1000, throttled, 0, 100))
                        .accepted())
                .isTrue();
    }

    private List<AlertSubject> reactiveAlerts(String region) {
        return dashboard.alerts(region).stream()
                .filter(a -> a.signal() == TriggerKind.REACTIVE)
                .map(Alert::subject)
                .toList();
    }

    @Test
    void each_reactive_alert_shows_in_the_region_it_is_about_only() {
        declareStamp(STAMP_A, REGION_A);
        declareStamp(STAMP_B, REGION_B);
        fleet.declareRegistry(
                TWO_REGIONS,
                new RegistryDeclaration(
                        NAMES.customer("c"),
                        List.of(
                                new RegistryDeclaration.ReplicaDeclaration(REGION_A, STAMP_A),
                                new RegistryDeclaration.ReplicaDeclaration(REGION_B, STAMP_B))),
                Actor.SYSTEM);
        fleet.declareRegistry(
                ONLY_A,
                new RegistryDeclaration(
                        NAMES.customer("c"), List.of(new RegistryDeclaration.ReplicaDeclaration(REGION_A, STAMP_A))),
                Actor.SYSTEM);

        // 12 minutes against the default rule "throttling above 2 % for 10 minutes": in region B the replica throttles
        // 4 % (40 of 1,000), and so does stamp B, which serves only it; in region A the registry named after A is
        // quiet (0 of 100) and the other throttles 4 % (36 of 900): stamp A throttles 36 of 1,000 = 3.6 %
        long now = signals.nowMinute();
        for (long m = now - 11; m <= now; m++) {
            traffic(TWO_REGIONS, REGION_B, STAMP_B, m, 1000, 40);
            traffic(TWO_REGIONS, REGION_A, STAMP_A, m, 100, 0);
            traffic(ONLY_A, REGION_A, STAMP_A, m, 900, 36);
        }

        assertThat(reactiveAlerts(REGION_B))
                .containsExactlyInAnyOrder(AlertSubject.stamp(STAMP_B), AlertSubject.replica(TWO_REGIONS, REGION_B));
        assertThat(reactiveAlerts(REGION_A))
                .containsExactlyInAnyOrder(AlertSubject.stamp(STAMP_A), AlertSubject.replica(ONLY_A, REGION_A));
    }
}
