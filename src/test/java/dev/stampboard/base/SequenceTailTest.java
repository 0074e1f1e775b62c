package dev.stampboard.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The tail of a table by its sequence column, against a fake table whose rows become visible when their
 * "transaction" commits, in any order: batches, gaps (a lower value committed after a higher one was read),
 * rollbacks, start-up, and that no row is ever handed back twice however often it is polled.
 */
class SequenceTailTest {

    /** A table: a row takes its sequence value when inserted and is visible once committed. */
    static final class FakeTable implements SequenceTail.Source<Long> {
        private long next = 1;
        private final TreeMap<Long, Boolean> rows = new TreeMap<>();
        int afterCalls;
        int betweenCalls;

        /** Inserts {@code n} rows in one transaction (not committed yet); returns their values. */
        List<Long> insert(int n) {
            List<Long> taken = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rows.put(next, false);
                taken.add(next++);
            }
            return taken;
        }

        void commit(List<Long> taken) {
            taken.forEach(s -> rows.put(s, true));
        }

        void rollback(List<Long> taken) {
            taken.forEach(rows::remove);
        }

        @Override
        public List<Long> after(long afterSeq, int limit) {
            afterCalls++;
            return rows.tailMap(afterSeq, false).entrySet().stream()
                    .filter(Map.Entry::getValue)
                    .map(Map.Entry::getKey)
                    .limit(limit)
                    .toList();
        }

        @Override
        public List<Long> between(long fromSeq, long toSeq) {
            betweenCalls++;
            return rows.subMap(fromSeq, true, toSeq, true).entrySet().stream()
                    .filter(Map.Entry::getValue)
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    private final FakeTable table = new FakeTable();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private static final long SECOND = 1_000_000_000L;

    private SequenceTail<Long> tail(int batch, int batches, long patience, long settle) {
        return new SequenceTail<>(table, Long::longValue, batch, batches, patience, settle, nanos::get);
    }

    @Test
    void reads_in_batches_and_says_when_more_are_waiting() {
        table.commit(table.insert(25));
        SequenceTail<Long> tail = tail(10, 2, 60 * SECOND, SECOND);

        SequenceTail.Poll<Long> first = tail.poll();
        assertThat(first.rows()).hasSize(20).startsWith(1L, 2L).endsWith(20L);
        assertThat(first.backlog()).isTrue();
        assertThat(tail.everCaughtUp()).isFalse();

        SequenceTail.Poll<Long> second = tail.poll();
        assertThat(second.rows()).containsExactly(21L, 22L, 23L, 24L, 25L);
        assertThat(second.backlog()).isFalse();
        assertThat(tail.everCaughtUp()).isTrue();
        assertThat(tail.poll().rows()).isEmpty();
    }

    @Test
    void a_lower_value_committed_after_a_higher_one_was_read_is_still_handed_back_once() {
        List<Long> slow = table.insert(3); // 1..3, a long transaction
        List<Long> quick = table.insert(2); // 4..5
        table.commit(quick);
        SequenceTail<Long> tail = tail(100, 1, 60 * SECOND, 10 * SECOND);

        assertThat(tail.poll().rows()).containsExactly(4L, 5L);
        assertThat(tail.gaps()).isEqualTo(1);
        assertThat(tail.gapValues()).isEqualTo(3);
        long firstPoll = nanos.get();
        assertThat(tail.everCaughtUp())
                .as("a young gap may be a transaction still running")
                .isFalse();

        nanos.addAndGet(SECOND);
        table.commit(slow);
        assertThat(tail.poll().rows()).containsExactly(1L, 2L, 3L);
        assertThat(tail.gaps()).isZero();
        assertThat(tail.everCaughtUp()).isTrue();
        assertThat(tail.caughtUpAsOf()).isGreaterThan(firstPoll);
        assertThat(tail.poll().rows()).isEmpty();
    }

    @Test
    void part_of_a_gap_filled_leaves_the_rest_open() {
        List<Long> a = table.insert(2); // 1, 2
        List<Long> b = table.insert(2); // 3, 4
        table.commit(table.insert(1)); // 5
        SequenceTail<Long> tail = tail(100, 1, 60 * SECOND, SECOND);
        assertThat(tail.poll().rows()).containsExactly(5L);
        table.commit(b);
        assertThat(tail.poll().rows()).containsExactly(3L, 4L);
        assertThat(tail.gapValues()).isEqualTo(2);
        table.commit(a);
        assertThat(tail.poll().rows()).containsExactly(1L, 2L);
        assertThat(tail.gapValues()).isZero();
    }

    @Test
    void a_rolled_back_gap_is_given_up_after_the_patience_and_counts_as_settled_before() {
        List<Long> doomed = table.insert(4);
        table.commit(table.insert(1)); // 5
        SequenceTail<Long> tail = tail(100, 1, 60 * SECOND, 5 * SECOND);
        tail.poll();
        table.rollback(doomed);

        nanos.addAndGet(2 * SECOND);
        tail.poll();
        assertThat(tail.everCaughtUp()).isFalse();

        nanos.addAndGet(4 * SECOND); // the gap is older than the settle time: taken for a rollback
        tail.poll();
        assertThat(tail.everCaughtUp()).isTrue();
        assertThat(tail.gaps()).as("still asked for until the patience ends").isEqualTo(1);

        nanos.addAndGet(60 * SECOND);
        int before = table.betweenCalls;
        tail.poll();
        assertThat(tail.gaps()).isZero();
        tail.poll();
        assertThat(table.betweenCalls).isEqualTo(before);
    }

    @Test
    void nearby_gaps_are_asked_for_in_one_range_query() {
        List<List<Long>> open = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            open.add(table.insert(3));
            table.commit(table.insert(10));
        }
        SequenceTail<Long> tail = tail(10_000, 1, 60 * SECOND, SECOND);
        assertThat(tail.poll().rows()).hasSize(500);
        assertThat(tail.gaps()).isEqualTo(50);

        int before = table.betweenCalls;
        open.forEach(table::commit);
        assertThat(tail.poll().rows()).hasSize(150);
        assertThat(table.betweenCalls - before).isEqualTo(1);
    }

    @Test
    void rows_just_below_the_start_that_commit_later_are_not_lost() {
        List<Long> inFlight = table.insert(2); // 1, 2: a transaction running while the console starts
        table.commit(table.insert(3)); // 3..5: read by the start-up reload
        SequenceTail<Long> tail = tail(100, 1, 60 * SECOND, SECOND);
        tail.startAfter(5, 100);

        assertThat(tail.poll().rows())
                .as("the re-checked range hands back what it finds, once")
                .containsExactly(3L, 4L, 5L);
        table.commit(inFlight);
        assertThat(tail.poll().rows()).containsExactly(1L, 2L);
        table.commit(table.insert(1));
        assertThat(tail.poll().rows()).containsExactly(6L);
    }

    /**
     * Many writers, commits in random order, polls in between: every committed row is handed back exactly once, and
     * after the last commit the tail is caught up.
     */
    @Test
    void any_commit_order_hands_back_every_row_exactly_once() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            FakeTable t = new FakeTable();
            SequenceTail<Long> tail =
                    new SequenceTail<>(t, Long::longValue, 37, 3, 3_600 * SECOND, 3_600 * SECOND, nanos::get);
            List<List<Long>> running = new ArrayList<>();
            Map<Long, Integer> handed = new HashMap<>();
            List<Long> committed = new ArrayList<>();
            for (int step = 0; step < 400; step++) {
                int action = random.nextInt(4);
                if (action == 0 || running.isEmpty()) {
                    running.add(t.insert(1 + random.nextInt(60)));
                } else if (action == 1) {
                    List<Long> tx = running.remove(random.nextInt(running.size()));
                    if (random.nextInt(10) == 0) {
                        t.rollback(tx);
                    } else {
                        t.commit(tx);
                        committed.addAll(tx);
                    }
                } else {
                    tail.poll().rows().forEach(r -> handed.merge(r, 1, Integer::sum));
                }
            }
            Collections.shuffle(running, random);
            for (List<Long> tx : running) {
                t.commit(tx);
                committed.addAll(tx);
            }
            for (int i = 0; i < 100; i++) { // gaps are asked for a few groups a poll
                tail.poll().rows().forEach(r -> handed.merge(r, 1, Integer::sum));
            }
            assertThat(handed.keySet()).as("seed " + seed).containsExactlyInAnyOrderElementsOf(committed);
            assertThat(handed.values()).as("seed " + seed).allMatch(n -> n == 1);
        }
    }
}
