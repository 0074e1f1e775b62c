package dev.stampboard.planning.engine;

import dev.stampboard.fleet.PoolKind;
import java.util.Map;

public record StampLoad(
        String name, boolean shared, boolean active, boolean inRollout, Map<PoolKind, PoolLoad> pools) {}
