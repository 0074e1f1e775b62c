package dev.stampboard.simulator;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampStateChange;
import dev.stampboard.fleet.StampStateTimeline;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.simulator.model.StampLayout;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The stamps of a simulated minute, each with its status and pool nodes then, from the stored stamp-state history
 * ({@code FleetService.stampStateTimeline()}): every console instance (one that ticked through a resize, a stamp's
 * provisioning or its retirement, one started after it back-filling minutes before and after it) then generates the
 * same nodes for the same minute. Before, the back-fill took today's inventory, so a later instance had a resized pool
 * at its new size also before the resize (README "Several instances").
 * <p>
 * A change written while minute {@code m} was the simulated clock's (its {@code changedAt} is that minute's instant)
 * counts from minute {@code m + 1}: minute {@code m} was generated before it. Only the last change of a minute counts.
 * A stamp does not exist before its first entry (stamps declared before the history existed start at the epoch). A
 * stamp the history does not have at all is as the inventory shows it.
 * <p>
 * The history is read on ({@code readOn}, incremental) when the inventory shows a stamp otherwise than the history
 * read so far ends on (checked once per inventory snapshot, at most one read per call), and before the simulator
 * generates the minutes the clock moved on ({@link #readOnSoon}, a few times a second at most). Not thread-safe: the
 * simulator calls it under its lock.
 */
final class StoredStamps {

    /** Same order as the inventory's, so a minute's samples come out as before. */
    private static final Comparator<StampLayout> INVENTORY_ORDER =
            Comparator.comparing(StampLayout::region).thenComparing(StampLayout::name);

    private final Supplier<StampStateTimeline> readOn;
    private final StoredHistoryReads reads = new StoredHistoryReads();
    private @Nullable StampStateTimeline history;
    private @Nullable List<StampInfo> comparedInventory;

    StoredStamps(Supplier<StampStateTimeline> readOn) {
        this.readOn = readOn;
    }

    /** Reads the history again at the next call, unless that was asked for less than a moment ago (see the class). */
    void readOnSoon(long nanoTime) {
        if (reads.due(nanoTime)) {
            history = null;
        }
    }

    /**
     * The stamps that report telemetry in {@code minute} (active or draining then; a provisioning or retired stamp is
     * silent), with their status and nodes then: the inventory's for a stamp without history. {@code inventory} is an
     * immutable snapshot (a new list when it changed); {@code zones}: each region's time zone (UTC for one not known).
     */
    List<StampLayout> reporting(List<StampInfo> inventory, Map<String, ZoneId> zones, long minute) {
        StampStateTimeline known = history;
        if (known == null) {
            known = readOn.get();
            history = known;
        } else if (inventory != comparedInventory && !showsAll(known, inventory)) {
            // the inventory has a change the history read so far does not: read on, once
            known = readOn.get();
            history = known;
        }
        comparedInventory = inventory;
        List<StampLayout> stamps = new ArrayList<>();
        Set<String> inInventory = new HashSet<>();
        for (StampInfo stamp : inventory) {
            inInventory.add(stamp.name());
            List<StampStateChange> changes = known.of(stamp.name());
            if (changes.isEmpty()) {
                stamps.add(layout(stamp, zones));
            } else {
                addIfExisting(stamps, changes, zones, minute);
            }
        }
        // declared by another instance, not in this instance's inventory yet
        for (String stamp : known.stamps()) {
            if (!inInventory.contains(stamp)) {
                addIfExisting(stamps, known.of(stamp), zones, minute);
            }
        }
        return stamps.stream()
                .filter(s -> s.status() == StampStatus.ACTIVE || s.status() == StampStatus.DRAINING)
                .sorted(INVENTORY_ORDER)
                .toList();
    }

    private static boolean showsAll(StampStateTimeline known, List<StampInfo> inventory) {
        for (StampInfo stamp : inventory) {
            List<StampStateChange> changes = known.of(stamp.name());
            if (changes.isEmpty() || !changes.get(changes.size() - 1).describes(stamp)) {
                return false;
            }
        }
        return true;
    }

    private static void addIfExisting(
            List<StampLayout> stamps, List<StampStateChange> changes, Map<String, ZoneId> zones, long minute) {
        StampStateChange then = at(changes, minute);
        if (then != null) {
            stamps.add(new StampLayout(
                    then.stamp(),
                    then.region(),
                    zones.getOrDefault(then.region(), ZoneOffset.UTC),
                    then.kind(),
                    then.status(),
                    then.registryNodes(),
                    then.dataproxyNodes()));
        }
    }

    /**
     * The entry a stamp is generated from in {@code minute}: the last one written in an earlier minute (one written
     * in minute {@code m} counts from {@code m + 1}). Null before its first entry: the stamp did not exist yet.
     */
    static @Nullable StampStateChange at(List<StampStateChange> changes, long minute) {
        for (int i = changes.size() - 1; i >= 0; i--) {
            StampStateChange change = changes.get(i);
            if (Math.floorDiv(change.changedAt().getEpochSecond(), 60L) < minute) {
                return change;
            }
        }
        return null;
    }

    private static StampLayout layout(StampInfo s, Map<String, ZoneId> zones) {
        return new StampLayout(
                s.name(),
                s.region(),
                zones.getOrDefault(s.region(), ZoneOffset.UTC),
                s.kind(),
                s.status(),
                s.nodes(PoolKind.REGISTRY),
                s.nodes(PoolKind.DATAPROXY));
    }
}
