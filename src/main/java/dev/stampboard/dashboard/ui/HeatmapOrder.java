package dev.stampboard.dashboard.ui;

import java.util.HashSet;
import java.util.List;

/**
 * The order the heatmap pages its rows by: the table's hottest-first order, held between re-sorts. In a
 * 500-stamp region the P95s of neighbouring stamps change places almost every minute; re-sorting the heatmap
 * on every 5 s refresh would change its rows and resend the whole window (about 720 KB for two pools of 20
 * rows) instead of the new minute. So the held order is replaced only when the selection changed (region,
 * filters, page), when a stamp joined or left the list, or when it is {@value #RESORT_MINUTES} minutes old;
 * in between a refresh patches the new minutes onto the rows already drawn.
 */
final class HeatmapOrder {

    /** How long (console minutes) the heatmap keeps its rows' order while the table re-sorts live. */
    static final int RESORT_MINUTES = 5;

    private List<String> held = List.of();
    private long sortedAt = Long.MIN_VALUE;

    /**
     * The stamps in the order to draw them, given the live hottest-first order at {@code nowMinute}.
     *
     * @param selectionChanged the operator asked for another region, filter or page: always the live order
     */
    List<String> rows(List<String> live, long nowMinute, boolean selectionChanged) {
        if (selectionChanged
                || nowMinute < sortedAt
                || nowMinute - sortedAt >= RESORT_MINUTES
                || live.size() != held.size()
                || !new HashSet<>(live).containsAll(held)) {
            held = List.copyOf(live);
            sortedAt = nowMinute;
        }
        return held;
    }
}
