/** The calibration API: how wrong predictions were, before and after calibration (DESIGN §11). */
@org.jspecify.annotations.NullMarked
package dev.stampboard.calibration.api;
