package dev.stampboard.dashboard;

import dev.stampboard.fleet.PoolKind;
import dev.stampboard.signals.engine.HotNodes;
import java.util.List;

/**
 * Hot-node minute values: {@code rows.get(i)[j]} is stamp i at minute {@code fromMinute + j}; NaN = no sample.
 * {@code hotNodes.get(i)} says which of stamp i's nodes made each of those minutes' value.
 */
public record HeatmapData(
        PoolKind pool, long fromMinute, List<String> stamps, List<float[]> rows, List<HotNodes> hotNodes) {

    public int columns() {
        return rows.isEmpty() ? 0 : rows.get(0).length;
    }
}
