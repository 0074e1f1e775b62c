package dev.stampboard.fleet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The one way to have a dedicated stamp built, for the cutover executor (a plan's dedicated destination)
 * and isolation requests alike: through the configured {@link StampProvisioner} (the simulator's or
 * Azure's), or — bring-your-own inventory, no provisioner — not at all, and the caller waits for an
 * operator to declare the stamp. Either way the caller then waits for {@link StampStatus#ACTIVE}.
 */
@Service
public class DedicatedStampProvisioning {

    private final ObjectProvider<StampProvisioner> provisioner;

    DedicatedStampProvisioning(ObjectProvider<StampProvisioner> provisioner) {
        this.provisioner = provisioner;
    }

    /** Whether a provisioner is configured; without one, dedicated stamps are declared by an operator. */
    public boolean available() {
        return provisioner.getIfAvailable() != null;
    }

    /**
     * Asks the provisioner for the stamp (idempotent by name: a retried step changes nothing).
     *
     * @return false, and nothing asked, when no provisioner is configured
     */
    public boolean provision(DedicatedStampSpec spec) {
        StampProvisioner port = provisioner.getIfAvailable();
        if (port == null) {
            return false;
        }
        port.provision(spec);
        return true;
    }
}
