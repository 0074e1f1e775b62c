package dev.stampboard.base.ui;

import java.util.Optional;

/**
 * A module that runs the console on a clock other than the wall clock says so here; the main layout
 * shows it as a badge on every page, so nobody mistakes simulated minutes for real ones.
 */
public interface ClockBadge {

    /** E.g. "Simulated clock · 60× (1 simulated minute per second)", or empty on the wall clock. */
    Optional<String> text();
}
