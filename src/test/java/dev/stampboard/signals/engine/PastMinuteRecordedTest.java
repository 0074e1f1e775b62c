package dev.stampboard.signals.engine;

import static dev.stampboard.signals.engine.EngineFixtures.POOL;
import static dev.stampboard.signals.engine.EngineFixtures.STAMP;
import static dev.stampboard.signals.engine.EngineFixtures.T0;
import static dev.stampboard.signals.engine.EngineFixtures.engineWithPool;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live scores read each minute once it passed: the engine says when a passed minute changed afterwards. */
class PastMinuteRecordedTest {

    private final SignalEngine engine = engineWithPool(SignalSettings.defaults(), T0);
    private final List<String> told = new ArrayList<>();

    PastMinuteRecordedTest() {
        engine.onPastMinuteRecorded((stamp, minute) -> told.add(stamp + "@" + (minute - T0)));
    }

    @Test
    void a_sample_accepted_for_a_passed_minute_is_told_with_its_stamp_and_minute() {
        assertThat(engine.recordCpu(STAMP, POOL, "n1", T0 - 3, 40).accepted()).isTrue();
        assertThat(engine.recordTraffic(ReplicaMinute.of("a", "weu", STAMP, T0 - 1), new TrafficCounts(5, 50, 0, 0, 9))
                        .accepted())
                .isTrue();

        assertThat(told).containsExactly(STAMP + "@-3", STAMP + "@-1");
    }

    @Test
    void the_current_minute_a_refused_sample_and_a_mere_check_are_not() {
        engine.recordCpu(STAMP, POOL, "n1", T0, 40); // the current minute: read when it passes
        engine.recordCpu(STAMP, POOL, "n1", T0 - 2, 40);
        engine.recordCpu(STAMP, POOL, "n1", T0 - 2, 41); // a duplicate, refused
        engine.recordCpu(STAMP, POOL, "n9", T0 - 2, 41); // unknown node
        engine.checkCpu(STAMP, POOL, "n2", T0 - 2, 41); // asked, not recorded
        engine.checkTraffic(ReplicaMinute.of("a", "weu", STAMP, T0 - 1), new TrafficCounts(5, 50, 0, 0, 9));

        assertThat(told).containsExactly(STAMP + "@-2");
    }
}
