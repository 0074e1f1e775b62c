package dev.stampboard.planning.engine;

/** One pool: node count, idle baseline b (%), and the hot-node value per minute of the window (NaN = none). */
public record PoolLoad(int nodes, double idleBaseline, float[] hotNodeMinutes) {}
