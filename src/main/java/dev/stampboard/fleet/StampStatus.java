package dev.stampboard.fleet;

public enum StampStatus {
    PROVISIONING,
    ACTIVE,
    DRAINING,
    RETIRED
}
