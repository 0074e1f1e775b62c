/**
 * Running the console behind a load balancer or in Kubernetes: readiness (UP only once the console can
 * answer correctly) and the gate that answers 503 with {@code Retry-After} until then. The metrics for
 * Prometheus are registered by the modules that own them (signals, ingestion, cutover, azure).
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.operations;
