package dev.stampboard.azure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Latency and failures of the console's calls to Azure, for Prometheus:
 * {@code stampboard_azure_poll_seconds{source,outcome}} and {@code stampboard_azure_poll_errors_total{source,status}}
 * ({@code source}: inventory, metrics, logs; {@code status}: the HTTP status, 0 when none came back).
 */
@Component
@Profile("azure")
class AzurePollMetrics {

    static final String INVENTORY = "inventory";
    static final String METRICS = "metrics";
    static final String LOGS = "logs";

    private final MeterRegistry registry;

    AzurePollMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs one call, timing it; an {@link AzureCallFailed} is counted by its status and rethrown. */
    <T> T time(String source, Supplier<T> call) {
        Timer.Sample sample = Timer.start(registry);
        try {
            T result = call.get();
            sample.stop(timer(source, "success"));
            return result;
        } catch (AzureCallFailed e) {
            sample.stop(timer(source, "failure"));
            Counter.builder("stampboard.azure.poll.errors")
                    .description("Failed calls to Azure by source and HTTP status")
                    .tag("source", source)
                    .tag("status", String.valueOf(e.status()))
                    .register(registry)
                    .increment();
            throw e;
        }
    }

    private Timer timer(String source, String outcome) {
        return Timer.builder("stampboard.azure.poll")
                .description("Duration of calls to Azure by source")
                .tag("source", source)
                .tag("outcome", outcome)
                .register(registry);
    }
}
