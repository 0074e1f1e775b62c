package dev.stampboard.signals.engine;

import java.util.List;

/**
 * Which node of a pool was the hot node, minute by minute: {@code byMinute[i]} indexes {@code nodes} for the
 * i-th minute of the range asked for, -1 where no node reported. Names once per pool, not per minute, so a
 * 720-minute heatmap row carries a small index per cell.
 */
public record HotNodes(List<String> nodes, int[] byMinute) {

    /** The hot node's name in the i-th minute, or {@code null} where none reported. */
    public @org.jspecify.annotations.Nullable String nodeAt(int i) {
        int node = byMinute[i];
        return node < 0 ? null : nodes.get(node);
    }
}
