package dev.stampboard.fleet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps the {@link HomeStampTimeline} in step with the home-stamp history without reading it whole: each call
 * reads only the rows past the highest id seen (the history is append-only). Ids are handed out when a row is
 * written, not when its transaction commits, so a row may become visible after a higher id was read: every id
 * skipped that way is a hole, asked for again on each call until it appears or {@link #HOLE_PATIENCE_NANOS} has
 * passed (a rolled-back write leaves a hole for ever). Plain Java: the source is the database in production and
 * a fake in the test of commit orders.
 */
final class HomeStampTimelineFollower {

    /** The append-only history, read by id. */
    interface Source {
        /** Rows with an id above {@code afterId}. */
        List<HomeStampChange> after(long afterId);

        /** Rows with these ids, as far as they are visible now. */
        List<HomeStampChange> withIds(Collection<Long> ids);
    }

    /** Longer than any transaction that writes a home-stamp change (they take milliseconds). */
    static final long HOLE_PATIENCE_NANOS = 10L * 60 * 1_000_000_000;

    /** Holes beyond this many (a sequence jump after a restart, a burst of rollbacks) are given up oldest first. */
    static final int MAX_HOLES = 10_000;

    private final Source source;
    private final LongSupplier nanoTime;
    private HomeStampTimeline timeline = new HomeStampTimeline(List.of());
    private long highestId;
    /** Hole id → when it was first seen, oldest first. */
    private final LinkedHashMap<Long, Long> holes = new LinkedHashMap<>();

    HomeStampTimelineFollower(Source source, LongSupplier nanoTime) {
        this.source = source;
        this.nanoTime = nanoTime;
    }

    /** The timeline with every change committed before this call (and any that turned up since). */
    synchronized HomeStampTimeline catchUp() {
        long now = nanoTime.getAsLong();
        List<HomeStampChange> fresh = new ArrayList<>();
        if (!holes.isEmpty()) {
            List<HomeStampChange> filled = source.withIds(List.copyOf(holes.keySet()));
            filled.forEach(c -> holes.remove(c.id()));
            fresh.addAll(filled);
            giveUpOldHoles(now);
        }
        List<HomeStampChange> after = source.after(highestId);
        for (HomeStampChange change : after) {
            long id = idOf(change);
            for (long skipped = Math.max(highestId + 1, id - MAX_HOLES); skipped < id; skipped++) {
                holes.put(skipped, now);
            }
            highestId = Math.max(highestId, id);
        }
        fresh.addAll(after);
        while (holes.size() > MAX_HOLES) {
            holes.remove(holes.keySet().iterator().next());
        }
        if (!fresh.isEmpty()) {
            timeline = timeline.with(fresh);
        }
        return timeline;
    }

    /** Ids not seen yet below the highest one, still waited for. */
    synchronized int holes() {
        return holes.size();
    }

    private void giveUpOldHoles(long now) {
        for (Iterator<Map.Entry<Long, Long>> it = holes.entrySet().iterator(); it.hasNext(); ) {
            if (now - it.next().getValue() > HOLE_PATIENCE_NANOS) {
                it.remove();
            } else {
                break; // oldest first: the rest are younger
            }
        }
    }

    private static long idOf(HomeStampChange change) {
        if (change.id() == null) {
            throw new IllegalStateException("A stored home-stamp change has an id");
        }
        return change.id();
    }
}
