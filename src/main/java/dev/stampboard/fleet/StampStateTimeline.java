package dev.stampboard.fleet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every stamp's state history ({@link StampStateChange}), each stamp's entries oldest first (by when they were
 * written, then by id). Never changed once built: new entries make a new timeline, so readers need no lock.
 */
public final class StampStateTimeline {

    private static final Comparator<StampStateChange> IN_ORDER =
            Comparator.comparing(StampStateChange::changedAt).thenComparingLong(StampStateChange::id);

    private final Map<String, List<StampStateChange>> byStamp;

    public StampStateTimeline(Collection<StampStateChange> changes) {
        this(new HashMap<>(), changes);
    }

    private StampStateTimeline(Map<String, List<StampStateChange>> byStamp, Collection<StampStateChange> changes) {
        this.byStamp = byStamp;
        Map<String, List<StampStateChange>> touched = new HashMap<>();
        for (StampStateChange change : changes) {
            touched.computeIfAbsent(change.stamp(), k -> new ArrayList<>(byStamp.getOrDefault(k, List.of())))
                    .add(change);
        }
        touched.forEach((stamp, list) -> {
            list.sort(IN_ORDER);
            byStamp.put(stamp, List.copyOf(list));
        });
    }

    /** This timeline and {@code changes} (entries not in it yet): only the stamps they touch are copied. */
    StampStateTimeline with(Collection<StampStateChange> changes) {
        return changes.isEmpty() ? this : new StampStateTimeline(new HashMap<>(byStamp), changes);
    }

    /**
     * This timeline without the entries {@link StampStateRetention} prunes from the history at {@code cutoff}: per
     * stamp, those before the cutoff that a later one, also before it, superseded. Every minute from the cutoff on has
     * the same entry in force as before, and the same as in a timeline read afresh from the pruned history.
     */
    StampStateTimeline withoutSupersededBefore(java.time.Instant cutoff) {
        Map<String, List<StampStateChange>> kept = new HashMap<>();
        byStamp.forEach((stamp, changes) -> {
            int last = -1; // the newest entry before the cutoff: the one in force at it
            for (int i = 0; i < changes.size() && changes.get(i).changedAt().isBefore(cutoff); i++) {
                last = i;
            }
            if (last > 0) {
                kept.put(stamp, List.copyOf(changes.subList(last, changes.size())));
            }
        });
        if (kept.isEmpty()) {
            return this;
        }
        Map<String, List<StampStateChange>> shrunk = new HashMap<>(byStamp);
        shrunk.putAll(kept);
        return new StampStateTimeline(shrunk, List.of());
    }

    /** The stamp's entries, oldest first; empty when it has none. */
    public List<StampStateChange> of(String stamp) {
        return byStamp.getOrDefault(stamp, List.of());
    }

    /** The stamps with any entry. */
    public Set<String> stamps() {
        return java.util.Collections.unmodifiableSet(byStamp.keySet());
    }
}
