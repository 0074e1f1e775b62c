package dev.stampboard.fleet;

/**
 * The port that creates a dedicated stamp's capacity (DESIGN §6). Embedded: the simulator declares
 * the stamp {@code PROVISIONING} and activates it after a simulated delay, when it starts reporting
 * telemetry; Azure: the stamp's scale sets. Callers (isolation requests, the cutover executor)
 * wait for {@link StampStatus#ACTIVE} through {@link FleetService#stamp(String)}.
 */
public interface StampProvisioner {

    /**
     * Starts provisioning. Idempotent by stamp name: asking again for a stamp that already exists
     * (provisioning or active) changes nothing, so a step retried after a crash is harmless.
     */
    void provision(DedicatedStampSpec spec);
}
