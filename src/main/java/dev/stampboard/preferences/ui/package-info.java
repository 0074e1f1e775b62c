/** The theme toggle in the console's top bar. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.preferences.ui;
