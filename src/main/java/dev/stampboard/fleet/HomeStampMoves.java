package dev.stampboard.fleet;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;

/**
 * A replica's move to another home stamp of its region (the cutover's one write into the inventory), with its
 * history row, change-log entry and audit event, for {@link FleetService}, which checks the caller's role.
 */
final class HomeStampMoves {

    private final StampLocks stamps;
    private final RegistryRepository registries;
    private final HomeStampChangeRepository history;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FleetSnapshots snapshots;

    HomeStampMoves(
            StampLocks stamps,
            RegistryRepository registries,
            HomeStampChangeRepository history,
            ApplicationEventPublisher events,
            Clock clock,
            FleetSnapshots snapshots) {
        this.stamps = stamps;
        this.registries = registries;
        this.history = history;
        this.events = events;
        this.clock = clock;
        this.snapshots = snapshots;
    }

    /** Whether the database already has the replica on {@code stamp} (a step retried, or done by another instance). */
    boolean isOn(RegistryName registryName, RegionName region, StampName stamp) {
        return registry(registryName)
                .toInfo()
                .homeStamp(region.value())
                .orElse("")
                .equals(stamp.value());
    }

    /**
     * Moves the replica in the caller's transaction; a stamp of another region is refused, and so is a stamp whose
     * status does not take this kind of placement. The destination's row stays locked until the commit (see
     * {@link StampLocks}), so it cannot drain and retire under the replica being put there.
     */
    void rehome(
            RegistryName registryName,
            RegionName region,
            StampName toStamp,
            Placement placement,
            String reason,
            Actor actor) {
        Registry registry = registry(registryName);
        StampLocks.Locked destination = stamps.require(toStamp.value());
        if (!destination.region().equals(region.value())) {
            throw new InvalidInputException("Stamp " + toStamp + " is in " + destination.region() + ", not " + region
                    + ": moves never leave a region");
        }
        StampLocks.admit(destination, placement, registryName.value(), region.value());
        String from = registry.rehome(region.value(), toStamp.value());
        registries.save(registry);
        history.save(new HomeStampChange(
                null, registryName.value(), region.value(), from, toStamp.value(), clock.instant(), reason));
        snapshots.changed(InventoryChanges.REGISTRY, registryName.value());
        events.publishEvent(new FleetChanged(
                actor,
                "HOME_STAMP_CHANGED",
                registryName.value(),
                region + ": " + from + " -> " + toStamp + " (" + reason + ")"));
        events.publishEvent(new HomeStampChanged(registryName.value(), region.value(), from, toStamp.value()));
    }

    private Registry registry(RegistryName name) {
        return registries
                .findByName(name.value())
                .orElseThrow(() -> new NotFoundException("No registry named '" + name + "'"));
    }
}
