/** Signal settings: thresholds and the peak window, for admins. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.signals.ui;
