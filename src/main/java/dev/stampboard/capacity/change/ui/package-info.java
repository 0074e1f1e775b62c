/** The capacity changes' screens: the list with a propose form, and one change's monitor. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.capacity.change.ui;
