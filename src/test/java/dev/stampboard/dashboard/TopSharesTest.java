package dev.stampboard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.stampboard.signals.engine.TrafficShare;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopSharesTest {

    private static TrafficShare share(String registry, double share) {
        return new TrafficShare(registry, "eastus", share, 0, 0);
    }

    @Test
    void keeps_the_biggest_n_and_sums_the_rest_into_others() {
        var slices = StampDetailService.topN(
                List.of(share("c", 0.1), share("a", 0.5), share("d", 0.05), share("b", 0.3), share("e", 0.05)), 2);

        assertThat(slices)
                .extracting(ShareSlice::label, ShareSlice::others)
                .containsExactly(tuple("a", false), tuple("b", false), tuple("others (3)", true));
        assertThat(slices.get(2).share()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void no_others_bar_when_everything_fits() {
        assertThat(StampDetailService.topN(List.of(share("a", 0.6), share("b", 0.4)), 8))
                .extracting(ShareSlice::label)
                .containsExactly("a", "b");
    }
}
