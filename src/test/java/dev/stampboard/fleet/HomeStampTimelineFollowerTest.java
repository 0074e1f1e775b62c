package dev.stampboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The timeline follows the history incrementally and misses nothing when transactions commit out of id order, as
 * concurrent inventory writes do: a fake history where each row is written (id taken) and committed separately.
 */
class HomeStampTimelineFollowerTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    /** Rows written so far; a row is visible only once committed. */
    private final List<HomeStampChange> written = new ArrayList<>();

    private final Set<Long> committed = new HashSet<>();
    private final AtomicInteger rowsRead = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();

    private final HomeStampTimelineFollower follower = new HomeStampTimelineFollower(
            new HomeStampTimelineFollower.Source() {
                @Override
                public List<HomeStampChange> after(long afterId) {
                    List<HomeStampChange> rows = written.stream()
                            .filter(c -> c.id() > afterId && committed.contains(c.id()))
                            .toList();
                    rowsRead.addAndGet(rows.size());
                    return rows;
                }

                @Override
                public List<HomeStampChange> withIds(Collection<Long> ids) {
                    List<HomeStampChange> rows = written.stream()
                            .filter(c -> ids.contains(c.id()) && committed.contains(c.id()))
                            .toList();
                    rowsRead.addAndGet(rows.size());
                    return rows;
                }
            },
            nanos::get);

    /** Takes the next id, as an insert does, without committing. */
    private long write(String registry, String from, String to, int minute) {
        long id = written.size() + 1;
        written.add(new HomeStampChange(id, registry, "r1", from, to, T0.plusSeconds(60L * minute), "test"));
        return id;
    }

    private String homeAt(String registry, int minute) {
        HomeStampTimeline.Homes homes = follower.catchUp().during(registry, "r1", T0.plusSeconds(60L * minute));
        return homes == null ? "none" : homes.current();
    }

    @Test
    void reads_only_new_rows_and_finds_rows_committed_after_a_higher_id() {
        committed.add(write("a", null, "s1", 0));
        committed.add(write("b", null, "s1", 0));
        assertThat(homeAt("a", 1)).isEqualTo("s1");
        assertThat(rowsRead).hasValue(2);

        long slow = write("a", "s1", "s2", 5); // a cutover whose transaction is still open
        committed.add(write("c", null, "s3", 6)); // committed first, with the higher id
        assertThat(homeAt("c", 7)).isEqualTo("s3");
        assertThat(homeAt("a", 7)).as("not committed yet").isEqualTo("s1");
        assertThat(follower.holes()).isEqualTo(1);

        committed.add(slow);
        assertThat(homeAt("a", 7)).as("found through its hole").isEqualTo("s2");
        assertThat(follower.catchUp().during("a", "r1", T0.plusSeconds(300)))
                .isEqualTo(new HomeStampTimeline.Homes("s2", "s1"));
        assertThat(follower.holes()).isZero();

        int before = rowsRead.get();
        follower.catchUp();
        follower.catchUp();
        assertThat(rowsRead).as("nothing new: nothing read").hasValue(before);
    }

    @Test
    void a_hole_left_by_a_rolled_back_write_is_given_up_after_a_while() {
        write("a", null, "s1", 0); // rolled back: never committed
        committed.add(write("b", null, "s1", 0));
        follower.catchUp();
        assertThat(follower.holes()).isEqualTo(1);
        nanos.addAndGet(HomeStampTimelineFollower.HOLE_PATIENCE_NANOS - 1);
        follower.catchUp();
        assertThat(follower.holes()).isEqualTo(1);
        nanos.addAndGet(2);
        follower.catchUp();
        assertThat(follower.holes()).isZero();
        assertThat(homeAt("a", 1)).isEqualTo("none");
        assertThat(homeAt("b", 1)).isEqualTo("s1");
    }

    @Test
    void a_timeline_handed_out_does_not_change_under_its_reader() {
        committed.add(write("a", null, "s1", 0));
        HomeStampTimeline first = follower.catchUp();
        committed.add(write("a", "s1", "s2", 5));
        HomeStampTimeline second = follower.catchUp();
        assertThat(first.during("a", "r1", T0.plusSeconds(600)).current()).isEqualTo("s1");
        assertThat(second.during("a", "r1", T0.plusSeconds(600)).current()).isEqualTo("s2");
    }
}
