package dev.stampboard.fleet;

public enum StampKind {
    SHARED,
    DEDICATED
}
