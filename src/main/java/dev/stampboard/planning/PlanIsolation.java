package dev.stampboard.planning;

/** A registry no shared stamp can take: the plan recommends a dedicated stamp of this size. */
public record PlanIsolation(
        String registry,
        String fromStamp,
        String reason,
        int registryNodes,
        int dataproxyNodes,
        int storageAccounts,
        String arithmetic) {}
