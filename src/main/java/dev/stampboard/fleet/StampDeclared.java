package dev.stampboard.fleet;

/** Published after a stamp was created or its pools gained nodes. */
public record StampDeclared(String stamp) {}
