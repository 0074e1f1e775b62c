package dev.stampboard.dashboard;

import dev.stampboard.fleet.PoolKind;
import java.util.List;

/** Hot-node minute values: {@code rows.get(i)[j]} is stamp i at minute {@code fromMinute + j}; NaN = no sample. */
public record HeatmapData(PoolKind pool, long fromMinute, List<String> stamps, List<float[]> rows) {

    public int columns() {
        return rows.isEmpty() ? 0 : rows.get(0).length;
    }
}
