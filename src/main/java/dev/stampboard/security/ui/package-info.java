/** The login screen. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.security.ui;
