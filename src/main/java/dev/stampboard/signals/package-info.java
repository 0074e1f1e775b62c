/**
 * Hot-node signals: the plain-Java engine ({@code engine}) that holds every pool's per-minute
 * CPU window and computes hot-node P95, states, reactive triggers and traffic shares; and the
 * service that feeds it from the fleet, the simulator and the ingestion API.
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.signals;
