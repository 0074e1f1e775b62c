package dev.stampboard.fleet;

record PoolNode(String name) {}
