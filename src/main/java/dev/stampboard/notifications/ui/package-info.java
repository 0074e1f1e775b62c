/** The notification centre, its bell in the top bar, and the admin's webhook screen. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.notifications.ui;
