package dev.stampboard.fleet;

record StorageAccount(String name) {}
