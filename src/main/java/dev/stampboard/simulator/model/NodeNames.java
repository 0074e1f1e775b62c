package dev.stampboard.simulator.model;

import dev.stampboard.fleet.PoolKind;
import java.util.ArrayList;
import java.util.List;

/** Node names as the simulator writes them: {@code rg-000}, {@code rg-001}, … and {@code dp-000}, …; unique within a pool. */
public final class NodeNames {

    private NodeNames() {}

    public static String node(PoolKind pool, int index) {
        return String.format("%s-%03d", pool == PoolKind.REGISTRY ? "rg" : "dp", index);
    }

    public static List<String> nodes(PoolKind pool, int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(node(pool, i));
        }
        return List.copyOf(names);
    }
}
