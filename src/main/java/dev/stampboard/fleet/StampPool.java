package dev.stampboard.fleet;

import dev.stampboard.base.InvalidInputException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.MappedCollection;

/** One VM scale set of a stamp. Part of the {@link Stamp} aggregate. */
class StampPool {

    @Id
    private @Nullable Long id;

    private final PoolKind kind;
    private int currentInstances;
    private int minInstances;
    private @Nullable Instant scaleSetMissingSince;

    @MappedCollection(idColumn = "pool_id")
    private final Set<PoolNode> nodes;

    @PersistenceCreator
    StampPool(
            @Nullable Long id,
            PoolKind kind,
            int currentInstances,
            int minInstances,
            @Nullable Instant scaleSetMissingSince,
            Set<PoolNode> nodes) {
        this.id = id;
        this.kind = kind;
        this.currentInstances = currentInstances;
        this.minInstances = minInstances;
        this.scaleSetMissingSince = scaleSetMissingSince;
        this.nodes = new LinkedHashSet<>(nodes);
    }

    static StampPool empty(PoolKind kind) {
        return new StampPool(null, kind, 0, 0, null, Set.of());
    }

    /** Marks (or clears, when {@code since} is null) the pool's scale set as gone; returns whether that changed. */
    boolean markScaleSetMissing(@Nullable Instant since) {
        if ((scaleSetMissingSince == null) == (since == null)) {
            return false;
        }
        scaleSetMissingSince = since;
        return true;
    }

    PoolKind kind() {
        return kind;
    }

    void addNodes(Collection<String> names) {
        names.forEach(n -> nodes.add(new PoolNode(n)));
        currentInstances = nodes.size();
    }

    /**
     * The pool's nodes become exactly {@code names} (a scale set resized): nodes no longer listed leave the
     * inventory, new ones join. Their telemetry stays where it is (samples are keyed by name, not by row).
     */
    void replaceNodes(Collection<String> names) {
        nodes.removeIf(n -> !names.contains(n.name()));
        addNodes(names);
    }

    void changeMinimum(int minimum) {
        if (minimum < 0) {
            throw new InvalidInputException("minimum instance count cannot be negative");
        }
        minInstances = minimum;
    }

    PoolInfo toInfo() {
        return new PoolInfo(
                kind,
                currentInstances,
                minInstances,
                nodes.stream().map(PoolNode::name).sorted().toList(),
                scaleSetMissingSince);
    }
}
