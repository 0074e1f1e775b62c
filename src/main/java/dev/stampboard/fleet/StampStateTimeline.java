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

    /** The stamp's entries, oldest first; empty when it has none. */
    public List<StampStateChange> of(String stamp) {
        return byStamp.getOrDefault(stamp, List.of());
    }

    /** The stamps with any entry. */
    public Set<String> stamps() {
        return java.util.Collections.unmodifiableSet(byStamp.keySet());
    }
}
