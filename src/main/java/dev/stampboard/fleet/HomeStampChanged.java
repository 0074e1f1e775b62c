package dev.stampboard.fleet;

public record HomeStampChanged(String registry, String region, String fromStamp, String toStamp) {
}
