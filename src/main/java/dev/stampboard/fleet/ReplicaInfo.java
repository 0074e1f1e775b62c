package dev.stampboard.fleet;

public record ReplicaInfo(String region, String homeStamp) {}
