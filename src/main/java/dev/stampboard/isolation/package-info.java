/**
 * Isolation requests (DESIGN §6): a customer's or support's ticket for a dedicated stamp, sized from
 * the expected load, reviewed by support, then provisioned through the fleet's {@code StampProvisioner}
 * and migrated by an engineer-approved plan. A module of its own because its workflow (intake, review,
 * provisioning, migration) spans fleet, signals and planning, and none of them should know about tickets.
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.isolation;
