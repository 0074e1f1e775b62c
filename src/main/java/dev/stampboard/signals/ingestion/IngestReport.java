package dev.stampboard.signals.ingestion;

import java.util.List;

/** Answer of the ingestion API: how many rows were stored, and why each other one was not. */
public record IngestReport(int accepted, List<Rejected> rejected) {

    public record Rejected(int index, String reason) {}
}
