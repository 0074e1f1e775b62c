package dev.stampboard.simulator.model;

import java.time.ZoneId;

/** A region and its time zone: traffic peaks during the region's local business hours. */
public record ScenarioRegion(String name, ZoneId zone) {}
