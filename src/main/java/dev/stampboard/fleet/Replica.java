package dev.stampboard.fleet;

record Replica(String region, String homeStamp) {}
