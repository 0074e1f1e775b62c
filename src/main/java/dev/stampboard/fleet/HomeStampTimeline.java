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

    private final Map<String, List<HomeStampChange>> byReplica = new HashMap<>();

    HomeStampTimeline(Collection<HomeStampChange> changes) {
        for (HomeStampChange change : changes) {
            byReplica
                    .computeIfAbsent(key(change.registry(), change.region()), k -> new ArrayList<>())
                    .add(change);
        }
        byReplica
                .values()
                .forEach(list -> list.sort(Comparator.comparing(HomeStampChange::changedAt)
                        .thenComparing(c -> c.id() == null ? Long.MAX_VALUE : c.id())));
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

    private static String key(String registry, String region) {
        return registry + "@" + region;
    }
}
