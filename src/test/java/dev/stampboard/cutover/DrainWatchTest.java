package dev.stampboard.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Issue 12: the drain ends when the source's in-flight requests reach zero, never before 30 s nor after 60 s. */
class DrainWatchTest {

    private static final Instant CUTOVER = Instant.parse("2026-11-26T12:00:00Z");

    /** In-flight requests falling by {@code perStep} every 5 s from {@code start}. */
    private static DrainWatch.Reader falling(long start, long perStep) {
        return at ->
                OptionalLong.of(Math.max(0, start - perStep * ((at.getEpochSecond() - CUTOVER.getEpochSecond()) / 5)));
    }

    @Test
    void ends_at_the_first_reading_of_zero_and_keeps_the_curve() {
        // 400 → 300 → … → 0 at 20 s, but the drain waits for late requests until 30 s
        DrainWatch.Drain early = DrainWatch.observe(CUTOVER, CUTOVER.plusSeconds(120), falling(400, 100), 45);
        assertThat(early.endedAfterSeconds()).isEqualTo(30);
        assertThat(early.readings()).containsExactly(400L, 300L, 200L, 100L, 0L, 0L, 0L);
        assertThat(early.cutOff()).isZero();
        // 900 → … → 0 at 45 s: it ends there, not on a timer
        DrainWatch.Drain slow = DrainWatch.observe(CUTOVER, CUTOVER.plusSeconds(120), falling(900, 100), 45);
        assertThat(slow.endedAfterSeconds()).isEqualTo(45);
        assertThat(slow.describe())
                .startsWith("drain: in-flight requests on the source every 5 s: 900 → 800")
                .endsWith("→ 0; ended after 45 s");
    }

    @Test
    void what_still_runs_at_60_s_is_cut_off_and_the_evidence_says_how_many() {
        DrainWatch.Drain drain = DrainWatch.observe(CUTOVER, CUTOVER.plusSeconds(120), falling(2000, 100), 45);
        assertThat(drain.endedAfterSeconds()).isEqualTo(60);
        assertThat(drain.cutOff()).isEqualTo(2000 - 12 * 100);
        assertThat(drain.describe()).endsWith("ended after 60 s, 800 still running were cut off");
    }

    @Test
    void while_the_drain_is_still_running_there_is_no_answer_yet() {
        assertThat(DrainWatch.observe(CUTOVER, CUTOVER.plusSeconds(25), falling(100, 100), 45))
                .isNull();
    }

    @Test
    void without_in_flight_reports_it_waits_the_configured_time() {
        DrainWatch.Reader silent = at -> OptionalLong.empty();
        assertThat(DrainWatch.observe(CUTOVER, CUTOVER.plusSeconds(40), silent, 45))
                .isNull();
        DrainWatch.Drain drain = DrainWatch.observe(CUTOVER, CUTOVER.plusSeconds(45), silent, 45);
        assertThat(drain.reported()).isFalse();
        assertThat(drain.endedAfterSeconds()).isEqualTo(45);
        assertThat(drain.readings()).isEqualTo(List.of());
        assertThat(drain.describe()).contains("reports no in-flight requests");
    }
}
