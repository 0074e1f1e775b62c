package dev.stampboard.planning.engine;

import java.util.Map;

import dev.stampboard.fleet.PoolKind;

public record StampLoad(String name, boolean shared, boolean active, boolean inRollout, Map<PoolKind, PoolLoad> pools) {
}
