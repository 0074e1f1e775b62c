/** The decision-quality page: predicted against measured, errors, worst misses with their reasons. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.calibration.ui;
