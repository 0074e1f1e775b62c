package dev.stampboard.simulator;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolCapacity;
import dev.stampboard.fleet.PoolInfo;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.simulator.model.NodeNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded {@link PoolCapacity}: the simulated scale set takes the new size at once. A scale-in removes
 * the newest nodes (highest names first, as a scale set removes its newest instances by default); a scale-out
 * adds nodes under the next free names. The simulator builds every minute from the inventory, so from the next
 * simulated minute the pool's work is spread over the new node count and its CPU answers. Idempotent: the same
 * size again changes nothing.
 */
@Component
@ConditionalOnProperty(name = "stampboard.simulator.enabled", havingValue = "true", matchIfMissing = true)
class SimulatedPoolCapacity implements PoolCapacity {

    private final FleetService fleet;

    SimulatedPoolCapacity(FleetService fleet) {
        this.fleet = fleet;
    }

    @Override
    public void setCapacity(String stamp, PoolKind pool, int capacity, int minimum, Actor actor) {
        if (minimum < 0 || capacity < 1 || capacity < minimum) {
            throw new InvalidInputException("Capacity " + capacity + " and minimum " + minimum
                    + " must satisfy 0 <= minimum <= capacity, 1 <= capacity");
        }
        PoolInfo current = fleet.requireStamp(stamp)
                .pool(pool)
                .orElseThrow(() -> new NotFoundException("Stamp " + stamp + " has no " + pool + " pool"));
        fleet.resizePool(stamp, pool, resized(pool, current.nodes(), capacity), minimum, actor);
    }

    /** {@code capacity} nodes: the oldest of the current ones kept, new ones under the next free names. */
    static List<String> resized(PoolKind pool, List<String> current, int capacity) {
        List<String> sorted = new ArrayList<>(current);
        sorted.sort(null);
        if (capacity <= sorted.size()) {
            return List.copyOf(sorted.subList(0, capacity));
        }
        Set<String> taken = new HashSet<>(sorted);
        List<String> nodes = new ArrayList<>(sorted);
        for (int i = 0; nodes.size() < capacity; i++) {
            String name = NodeNames.node(pool, i);
            if (taken.add(name)) {
                nodes.add(name);
            }
        }
        return List.copyOf(nodes);
    }
}
