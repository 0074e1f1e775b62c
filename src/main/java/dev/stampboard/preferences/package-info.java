/**
 * What each user chose for the console itself (the dark theme), remembered across sessions.
 * Knows users only by name; owns the user_preference table.
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.preferences;
