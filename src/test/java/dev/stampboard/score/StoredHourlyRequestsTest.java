package dev.stampboard.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampboard.SpringTest;
import dev.stampboard.support.TestNames;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The store of hourly request totals the growth feature reads (issue 18): several instances write the same hour, the
 * larger total stays whatever the order; a read gives the hours asked for of the stamps asked for.
 */
class StoredHourlyRequestsTest extends SpringTest {

    private static final TestNames NAMES = TestNames.of(StoredHourlyRequestsTest.class);

    /** Epoch hours far in the past (year 1970 + 8), so no other writer's hours are among them. */
    private static final long HOUR = 70_000;

    @Autowired
    StoredHourlyRequests hours;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void deleteTheTestsHours() {
        jdbc.sql("delete from stamp_hourly_requests where stamp like ?")
                .param(NAMES.prefix() + "-%")
                .update();
    }

    private static StoredHours.HourTotal total(String stamp, long hour, long requests) {
        return new StoredHours.HourTotal(stamp, hour, requests);
    }

    @Test
    void the_larger_total_of_an_hour_stays_whichever_instance_writes_last() {
        hours.write(List.of(total(NAMES.stamp(1), HOUR, 6_000), total(NAMES.stamp(1), HOUR + 1, 7_000)));
        hours.write(List.of(total(NAMES.stamp(1), HOUR, 5_400))); // an instance that had not followed a late sample
        hours.write(List.of(total(NAMES.stamp(1), HOUR + 1, 7_250), total(NAMES.stamp(2), HOUR, 10)));

        assertThat(hours.read(HOUR, HOUR + 1, List.of(NAMES.stamp(1), NAMES.stamp(2))))
                .isEqualTo(Map.of(
                        NAMES.stamp(1), Map.of(HOUR, 6_000L, HOUR + 1, 7_250L),
                        NAMES.stamp(2), Map.of(HOUR, 10L)));
    }

    @Test
    void a_read_gives_only_the_hours_and_stamps_asked_for_and_pruning_drops_old_hours() {
        hours.write(List.of(
                total(NAMES.stamp(3), HOUR - 1, 1),
                total(NAMES.stamp(3), HOUR, 2),
                total(NAMES.stamp(3), HOUR + 2, 3),
                total(NAMES.stamp(4), HOUR, 4)));
        assertThat(hours.read(HOUR, HOUR + 1, List.of(NAMES.stamp(3))))
                .isEqualTo(Map.of(NAMES.stamp(3), Map.of(HOUR, 2L)));
        // more stamps than are read by name: one range read of every stamp, the ones not asked for left out
        List<String> many = IntStream.rangeClosed(4, 4 + StoredHourlyRequests.BY_NAME_UP_TO)
                .mapToObj(NAMES::stamp)
                .toList();
        assertThat(hours.read(HOUR, HOUR + 1, many)).isEqualTo(Map.of(NAMES.stamp(4), Map.of(HOUR, 4L)));

        hours.pruneBefore(Instant.ofEpochSecond((HOUR + 1) * 3600));
        assertThat(hours.read(HOUR - 1, HOUR + 2, List.of(NAMES.stamp(3), NAMES.stamp(4))))
                .isEqualTo(Map.of(NAMES.stamp(3), Map.of(HOUR + 2, 3L)));
    }
}
