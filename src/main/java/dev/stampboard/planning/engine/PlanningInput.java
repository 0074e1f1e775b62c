package dev.stampboard.planning.engine;

import java.util.List;
import java.util.Set;

/** A region's signals over the peak window starting at {@code fromMinute}; empty {@code sourceStamps} = every triggered stamp. */
public record PlanningInput(
        String region,
        long fromMinute,
        List<StampLoad> stamps,
        List<RegistryLoad> registries,
        PlanningSettings settings,
        Set<String> sourceStamps) {}
