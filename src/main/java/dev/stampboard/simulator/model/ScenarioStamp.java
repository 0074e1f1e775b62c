package dev.stampboard.simulator.model;

import dev.stampboard.fleet.StampKind;

/** A stamp of the initial fleet: node counts of its two pools, their minimum instance counts, its storage accounts. */
public record ScenarioStamp(
        String name,
        String region,
        StampKind kind,
        int registryNodes,
        int dataproxyNodes,
        int minRegistryNodes,
        int minDataproxyNodes,
        int storageAccounts) {}
