package dev.stampboard.planning.engine;

public record IsolationRecommendation(String registry, String from, String reason, Sizing sizing) {}
