package dev.stampboard.fleet;

/** The two VM scale sets of a stamp. Storage accounts are not a CPU pool and never appear here. */
public enum PoolKind {
    REGISTRY,
    DATAPROXY
}
