package dev.stampboard.base;

import java.util.Map;

/** Map look-ups for keys the caller put there itself. */
public final class Maps {

    private Maps() {}

    /**
     * The value of a key the caller knows is present (it filled the map from the same keys); a missing one is a bug,
     * said as such rather than as a NullPointerException further on.
     */
    public static <K, V> V known(Map<K, V> map, K key) {
        V value = map.get(key);
        if (value == null) {
            throw new IllegalStateException("no entry for " + key + " where one was put");
        }
        return value;
    }
}
