package dev.stampboard.fleet;

public record CustomerInfo(String name, String displayName) {}
