package dev.stampboard.fleet;

import java.util.List;

public record PoolInfo(PoolKind kind, int currentInstances, int minInstances, List<String> nodes) {
}
