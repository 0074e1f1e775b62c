/**
 * The capacity screens: the {@code /capacity} page (headroom per region, savings over time, open recommendations,
 * node prices), and two pieces other screens show: the growth forecast of a stamp's pools (stamp detail) and the
 * "days until HOT" column (the fleet dashboard).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("ui")
package dev.stampboard.capacity.ui;
