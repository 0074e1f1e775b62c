package dev.stampboard.simulator;

import dev.stampboard.fleet.HomeStampChange;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.ReplicaInfo;
import dev.stampboard.simulator.model.ReplicaLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Each replica's home stamp and arrival there in a simulated minute, for the destination's cache warm-up after a
 * cutover, taken from the stored home-stamp history: every console instance (one that ticked through the cutover, one
 * started after it, a restarted one back-filling minutes before and after it) then generates the same layout for the
 * same minute. Before, each instance remembered the minute it saw a home change, so one started later simulated the
 * destination as warm, and its back-fill had the replica on today's home stamp also before the cutover (README
 * "Several instances").
 * <p>
 * A cutover written while minute {@code m} was the simulated clock's (the change's {@code changedAt} is that minute's
 * instant) moves the load from minute {@code m + 1}: minute {@code m} was generated before it, on the stamp it left.
 * A first placement (no stamp it came from) is not a cutover: warm from the start. A replica without history, or whose
 * stored home in that minute no longer serves (a stamp retired since), is on its inventory home stamp.
 * <p>
 * The history is read on ({@code readOn}: the incremental {@code FleetService.homeStampTimeline()}) when the
 * inventory shows a replica on a stamp the history read so far does not have it on last (at most once per call), and
 * before the simulator generates the minutes the clock moved on ({@link #readOnSoon}, a few times a second at most).
 * Not thread-safe: the simulator calls it under its lock.
 */
final class StoredArrivals {

    /** A replica's stored home-stamp changes, oldest first. */
    interface History {
        List<HomeStampChange> of(String registry, String region);
    }

    /** How often {@link #readOnSoon} lets the history be read again: a few times a second at most. */
    static final long FRESH_NANOS = StoredHistoryReads.FRESH_NANOS;

    private final Supplier<History> readOn;
    private final StoredHistoryReads reads = new StoredHistoryReads();
    private @Nullable History history;

    StoredArrivals(Supplier<History> readOn) {
        this.readOn = readOn;
    }

    /**
     * Reads the history again at the next layout, unless that was asked for less than {@link #FRESH_NANOS} before
     * {@code nanoTime}: before minutes the stored clock moved on (another instance ticked), so a cutover committed
     * before it moved counts from the minute after it here too, even while this instance's inventory has not followed
     * it yet.
     */
    void readOnSoon(long nanoTime) {
        if (reads.due(nanoTime)) {
            history = null;
        }
    }

    /**
     * The inventory's replicas in {@code minute}, each on its stored home then (when that stamp is one of {@code
     * serving}, else on its inventory home) with its arrival there.
     */
    List<ReplicaLayout> replicas(List<RegistryInfo> registries, java.util.Set<String> serving, long minute) {
        History known = history;
        boolean readNow = known == null;
        if (known == null) {
            known = readOn.get();
            history = known;
        }
        List<ReplicaLayout> replicas = new ArrayList<>();
        for (RegistryInfo registry : registries) {
            for (ReplicaInfo replica : registry.replicas()) {
                List<HomeStampChange> changes = known.of(registry.name(), replica.region());
                if (!readNow && !lastOn(changes, replica.homeStamp())) {
                    // the inventory has a change the history read so far does not: read on, once
                    known = readOn.get();
                    history = known;
                    readNow = true;
                    changes = known.of(registry.name(), replica.region());
                }
                List<Stay> stays = stays(changes);
                Stay stored = stays.isEmpty() ? null : in(stays, minute);
                replicas.add(
                        stored != null && serving.contains(stored.home())
                                ? new ReplicaLayout(registry.name(), replica.region(), stored.home(), stored.arrived())
                                : new ReplicaLayout(
                                        registry.name(),
                                        replica.region(),
                                        replica.homeStamp(),
                                        lastArrival(stays, replica.homeStamp(), minute)));
            }
        }
        return replicas;
    }

    private static boolean lastOn(List<HomeStampChange> changes, String stamp) {
        return !changes.isEmpty() && changes.get(changes.size() - 1).toStamp().equals(stamp);
    }

    /**
     * A replica's stay on one stamp: generated there from minute {@code from} on, arrived there in minute {@code
     * arrived} (the destination's caches warm up from then) or {@link ReplicaLayout#ALWAYS} when placed there first.
     */
    record Stay(String home, long from, long arrived) {}

    /**
     * The replica's stays, oldest first, from one walk over its stored changes. Before its first change it is where
     * that change took it from (its first placement's stamp), warm. A change counts from the minute after the one it
     * was written in, and only the last change of each minute counts: a move rolled back within one minute leaves the
     * replica where it was, warm. A first placement (no stamp it came from) is warm too. Empty without history.
     */
    static List<Stay> stays(List<HomeStampChange> changes) {
        List<Stay> stays = new ArrayList<>();
        if (changes.isEmpty()) {
            return stays;
        }
        HomeStampChange first = changes.get(0);
        @Nullable String firstFrom = first.fromStamp();
        String home = firstFrom == null ? first.toStamp() : firstFrom;
        stays.add(new Stay(home, Long.MIN_VALUE, ReplicaLayout.ALWAYS));
        for (int i = 0; i < changes.size(); i++) {
            HomeStampChange change = changes.get(i);
            long changed = minuteOf(change);
            if (i + 1 < changes.size() && minuteOf(changes.get(i + 1)) == changed) {
                continue; // a later change of the same minute says where the next minute is generated
            }
            if (change.fromStamp() == null) {
                home = change.toStamp();
                stays.add(new Stay(home, changed + 1, ReplicaLayout.ALWAYS));
            } else if (!change.toStamp().equals(home)) {
                home = change.toStamp();
                stays.add(new Stay(home, changed + 1, changed + 1));
            }
        }
        return stays;
    }

    /** The stay {@code minute} is generated in (the walk's first stay covers every minute before a change). */
    static Stay in(List<Stay> stays, long minute) {
        for (int i = stays.size() - 1; i > 0; i--) {
            if (stays.get(i).from() <= minute) {
                return stays.get(i);
            }
        }
        return stays.get(0);
    }

    /**
     * The arrival of the replica's last stay on {@code stamp}, or {@link ReplicaLayout#ALWAYS} when it has been there
     * since its first placement (or the history does not have it there): for a replica on its inventory home, which the
     * history may not show yet in {@code minute}. In the minute of the change itself the inventory may already show it
     * (the cutover was written before that minute was generated): that minute is then the arrival.
     */
    static long lastArrival(List<Stay> stays, String stamp, long minute) {
        for (int i = stays.size() - 1; i >= 0; i--) {
            Stay stay = stays.get(i);
            if (stay.home().equals(stamp)) {
                return stay.arrived() == minute + 1 ? minute : stay.arrived();
            }
        }
        return ReplicaLayout.ALWAYS;
    }

    private static long minuteOf(HomeStampChange change) {
        return Math.floorDiv(change.changedAt().getEpochSecond(), 60L);
    }
}
