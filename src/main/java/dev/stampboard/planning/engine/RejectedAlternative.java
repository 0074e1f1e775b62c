package dev.stampboard.planning.engine;

public record RejectedAlternative(String stamp, String reason) {
}
