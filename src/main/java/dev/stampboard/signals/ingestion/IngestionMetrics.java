package dev.stampboard.signals.ingestion;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Accepted and rejected rows per ingestion endpoint, rejected ones per cause, exported as
 * {@code stampboard_ingestion_accepted_total{endpoint}} and {@code stampboard_ingestion_rejected_total{endpoint,reason}}.
 */
@Component
class IngestionMetrics {

    static final String NODE_CPU = "node-cpu";
    static final String REGISTRY_TRAFFIC = "registry-traffic";

    private final MeterRegistry registry;

    IngestionMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String endpoint : List.of(NODE_CPU, REGISTRY_TRAFFIC)) {
            accepted(endpoint); // present from the start, at 0, so a rate over it is defined
        }
    }

    void count(String endpoint, int acceptedRows, Rejections rejections) {
        accepted(endpoint).increment(acceptedRows);
        rejections.causes().stream()
                .collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.stream.Collectors.counting()))
                .forEach((cause, n) -> Counter.builder("stampboard.ingestion.rejected")
                        .description("Telemetry rows refused at ingestion, by endpoint and cause")
                        .tag("endpoint", endpoint)
                        .tag("reason", cause.toLowerCase())
                        .register(registry)
                        .increment(n));
    }

    private Counter accepted(String endpoint) {
        return Counter.builder("stampboard.ingestion.accepted")
                .description("Telemetry rows stored by ingestion")
                .tag("endpoint", endpoint)
                .register(registry);
    }
}
