package dev.stampboard.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which stamp served each replica when: built from the home-stamp history, so traffic reported for a
 * past minute is checked against the stamp that served the replica then, not against today's.
 */
public final class HomeStampTimeline {

    /** The stamp serving a replica at some instant, and the one it left last (still draining), if any. */
    public record Homes(String current, @Nullable String previous) {

        public boolean includes(String stamp) {
            return current.equals(stamp) || stamp.equals(previous);
        }
    }

    private static final Comparator<HomeStampChange> IN_ORDER = Comparator.comparing(HomeStampChange::changedAt)
            .thenComparing(c -> c.id() == null ? Long.MAX_VALUE : c.id());

    /** Never changed once built: a new timeline is made for new changes, so readers need no lock. */
    private final Map<String, List<HomeStampChange>> byReplica;

    HomeStampTimeline(Collection<HomeStampChange> changes) {
        this(new HashMap<>(), changes);
    }

    private HomeStampTimeline(Map<String, List<HomeStampChange>> byReplica, Collection<HomeStampChange> changes) {
        this.byReplica = byReplica;
        Map<String, List<HomeStampChange>> touched = new HashMap<>();
        for (HomeStampChange change : changes) {
            String key = key(change.registry(), change.region());
            touched.computeIfAbsent(key, k -> new ArrayList<>(byReplica.getOrDefault(k, List.of())))
                    .add(change);
        }
        touched.forEach((key, list) -> {
            list.sort(IN_ORDER);
            byReplica.put(key, List.copyOf(list));
        });
    }

    /** This timeline and {@code changes} (rows not in it yet): only the replicas they touch are copied. */
    HomeStampTimeline with(Collection<HomeStampChange> changes) {
        return new HomeStampTimeline(new HashMap<>(byReplica), changes);
    }

    /**
     * The homes of a replica during the minute starting at {@code minuteStart} (a change within the minute
     * counts, its source is then the draining previous home); null when the replica has no history. Before
     * its first placement, the first home counts: traffic reported for minutes before a registry was
     * declared (a collector back-filling) was served by the stamp it was declared on.
     */
    public @Nullable Homes during(String registry, String region, Instant minuteStart) {
        Instant minuteEnd = minuteStart.plusSeconds(60);
        List<HomeStampChange> changes = byReplica.get(key(registry, region));
        if (changes == null || changes.isEmpty()) {
            return null;
        }
        int last = 0;
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).changedAt().isBefore(minuteEnd)) {
                last = i;
            } else {
                break;
            }
        }
        HomeStampChange current = changes.get(last);
        return new Homes(current.toStamp(), current.fromStamp());
    }

    /** The replica's changes, oldest first; empty when it has none. */
    public List<HomeStampChange> changes(String registry, String region) {
        return byReplica.getOrDefault(key(registry, region), List.of());
    }

    private static String key(String registry, String region) {
        return registry + "@" + region;
    }
}
