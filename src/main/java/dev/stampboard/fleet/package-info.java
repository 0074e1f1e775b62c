/**
 * The fleet inventory: regions, stamps with their registry and dataproxy pools, nodes and
 * storage accounts; customers, registries and their replicas' home stamps. Other modules read
 * it through {@link dev.stampboard.fleet.FleetService} and react to its events.
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.fleet;
