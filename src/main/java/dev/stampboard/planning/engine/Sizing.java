package dev.stampboard.planning.engine;

public record Sizing(int registryNodes, int dataproxyNodes, int storageAccounts, String arithmetic) {}
