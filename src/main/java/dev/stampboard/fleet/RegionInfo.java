package dev.stampboard.fleet;

import java.time.ZoneId;

public record RegionInfo(String name, ZoneId zone) {}
