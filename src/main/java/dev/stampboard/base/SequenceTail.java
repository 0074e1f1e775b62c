package dev.stampboard.base;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Follows an append-only table by its monotonic sequence column (an identity): each {@link #poll} reads the rows
 * past the highest value read so far, in batches, and hands back only rows it has not handed back before.
 *
 * <p><b>Gaps.</b> A sequence value is taken when a row is inserted, not when its transaction commits, so a row with a
 * lower value may become visible after a higher one was read (two instances ingesting at once). Every value skipped
 * that way is kept as part of a gap (ranges, not single values: one ingestion batch takes thousands of values) and
 * asked for again on each poll, with one range query per group of nearby gaps, until its rows appear or
 * {@code gapPatienceNanos} has passed (a rolled-back transaction leaves its gap for ever; a sequence's cache jump
 * after a restart too).
 *
 * <p><b>Caught up.</b> {@link #caughtUpAsOf} is the start of the last poll that left no backlog and no gap younger
 * than {@code settleNanos}: every row committed before that moment has been handed back (a gap older than that is
 * taken for a rollback). Plain Java: the source is the database in production and a fake in the tests of commit
 * orders.
 */
public final class SequenceTail<R> {

    /** The table, read by its sequence column. */
    public interface Source<R> {
        /** Up to {@code limit} rows with a sequence value above {@code afterSeq}, ascending. */
        List<R> after(long afterSeq, int limit);

        /** The rows with a sequence value in {@code [fromSeq, toSeq]} visible now. */
        List<R> between(long fromSeq, long toSeq);
    }

    /** What one poll found: the new rows, and whether more are waiting beyond the batches it read. */
    public record Poll<R>(List<R> rows, boolean backlog) {}

    private static final class Gap {
        final long from;
        final long to;
        final long since;

        Gap(long from, long to, long since) {
            this.from = from;
            this.to = to;
            this.since = since;
        }
    }

    /** Gaps closer than this many values are asked for in one range query (rows in between are read and dropped). */
    static final long MERGE_DISTANCE = 2_000;

    /** At most this many range queries per poll for gaps; the rest are asked for on later polls. */
    static final int MAX_GAP_QUERIES = 8;

    /** Gaps beyond this many are given up, oldest first. */
    static final int MAX_GAPS = 10_000;

    private final Source<R> source;
    private final ToLongFunction<R> seqOf;
    private final int batchSize;
    private final int maxBatchesPerPoll;
    private final long gapPatienceNanos;
    private final long settleNanos;
    private final LongSupplier nanoTime;

    private long highest;
    /** Open gaps by their first value. */
    private final TreeMap<Long, Gap> gaps = new TreeMap<>();
    /** Where the gap queries of the next poll start (round robin when there are more than MAX_GAP_QUERIES groups). */
    private long gapCursor;

    private volatile long caughtUpAsOf = Long.MIN_VALUE;
    private volatile boolean everCaughtUp;
    private long queries;

    public SequenceTail(
            Source<R> source,
            ToLongFunction<R> seqOf,
            int batchSize,
            int maxBatchesPerPoll,
            long gapPatienceNanos,
            long settleNanos,
            LongSupplier nanoTime) {
        if (batchSize < 1 || maxBatchesPerPoll < 1) {
            throw new IllegalArgumentException("batch size and batches per poll must be positive");
        }
        this.source = source;
        this.seqOf = seqOf;
        this.batchSize = batchSize;
        this.maxBatchesPerPoll = maxBatchesPerPoll;
        this.gapPatienceNanos = gapPatienceNanos;
        this.settleNanos = settleNanos;
        this.nanoTime = nanoTime;
    }

    /**
     * Starts following after {@code seq} (what a start-up read already holds). The {@code recheck} values just below
     * it are treated as a gap: a transaction that took them before the start-up read may still commit.
     */
    public synchronized void startAfter(long seq, long recheck) {
        highest = seq;
        gaps.clear();
        if (recheck > 0 && seq >= 1) {
            long from = Math.max(1, seq - recheck + 1);
            gaps.put(from, new Gap(from, seq, nanoTime.getAsLong()));
        }
    }

    /** Reads what became visible since the last poll: gap rows first, then new rows in up to the configured batches. */
    public synchronized Poll<R> poll() {
        long started = nanoTime.getAsLong();
        List<R> fresh = new ArrayList<>();
        giveUpOldGaps(started);
        if (!gaps.isEmpty()) {
            fillGaps(started, fresh);
        }
        boolean backlog = false;
        for (int batch = 0; batch < maxBatchesPerPoll; batch++) {
            List<R> rows = source.after(highest, batchSize);
            queries++;
            for (R row : rows) {
                long seq = seqOf.applyAsLong(row);
                if (seq <= highest) {
                    continue; // a source that does not honour afterSeq
                }
                if (seq > highest + 1) {
                    gaps.put(highest + 1, new Gap(highest + 1, seq - 1, started));
                }
                highest = seq;
                fresh.add(row);
            }
            backlog = rows.size() >= batchSize;
            if (!backlog) {
                break;
            }
        }
        while (gaps.size() > MAX_GAPS) {
            gaps.pollFirstEntry();
        }
        if (!backlog && !hasGapYoungerThan(started, settleNanos)) {
            caughtUpAsOf = started;
            everCaughtUp = true;
        }
        return new Poll<>(fresh, backlog);
    }

    private void fillGaps(long now, List<R> fresh) {
        List<long[]> groups = groups();
        int start = 0;
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i)[0] >= gapCursor) {
                start = i;
                break;
            }
        }
        int asked = Math.min(groups.size(), MAX_GAP_QUERIES);
        for (int k = 0; k < asked; k++) {
            long[] group = groups.get((start + k) % groups.size());
            List<R> rows = source.between(group[0], group[1]);
            queries++;
            for (R row : rows) {
                long seq = seqOf.applyAsLong(row);
                if (fill(seq)) {
                    fresh.add(row);
                }
            }
        }
        gapCursor = asked < groups.size() ? groups.get((start + asked) % groups.size())[0] : Long.MIN_VALUE;
    }

    /** Open gaps merged into query ranges. */
    private List<long[]> groups() {
        List<long[]> groups = new ArrayList<>();
        long[] current = null;
        for (Gap gap : gaps.values()) {
            if (current != null && gap.from - current[1] <= MERGE_DISTANCE) {
                current[1] = gap.to;
            } else {
                current = new long[] {gap.from, gap.to};
                groups.add(current);
            }
        }
        return groups;
    }

    /** Takes {@code seq} out of its gap; false when it was in none (handed back before). */
    private boolean fill(long seq) {
        Map.Entry<Long, Gap> entry = gaps.floorEntry(seq);
        if (entry == null || entry.getValue().to < seq) {
            return false;
        }
        Gap gap = entry.getValue();
        gaps.remove(gap.from);
        if (gap.from < seq) {
            gaps.put(gap.from, new Gap(gap.from, seq - 1, gap.since));
        }
        if (seq < gap.to) {
            gaps.put(seq + 1, new Gap(seq + 1, gap.to, gap.since));
        }
        return true;
    }

    private void giveUpOldGaps(long now) {
        for (Iterator<Gap> it = gaps.values().iterator(); it.hasNext(); ) {
            if (now - it.next().since > gapPatienceNanos) {
                it.remove();
            }
        }
    }

    private boolean hasGapYoungerThan(long now, long age) {
        for (Gap gap : gaps.values()) {
            if (now - gap.since < age) {
                return true;
            }
        }
        return false;
    }

    /**
     * The {@link System#nanoTime}-scale moment up to which every committed row has been handed back; only
     * meaningful once {@link #everCaughtUp}.
     */
    public long caughtUpAsOf() {
        return caughtUpAsOf;
    }

    /** Whether a poll has ever ended caught up (see {@link #caughtUpAsOf}). */
    public boolean everCaughtUp() {
        return everCaughtUp;
    }

    /** The highest sequence value read. */
    public synchronized long highest() {
        return highest;
    }

    /** Sequence values still waited for. */
    public synchronized long gapValues() {
        long n = 0;
        for (Gap gap : gaps.values()) {
            n += gap.to - gap.from + 1;
        }
        return n;
    }

    /** Open gaps (ranges). */
    public synchronized int gaps() {
        return gaps.size();
    }

    /** Queries sent to the source so far. */
    public synchronized long queries() {
        return queries;
    }
}
