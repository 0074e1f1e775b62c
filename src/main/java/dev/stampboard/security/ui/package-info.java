/** The login screen, API tokens, and user management for administrators. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.security.ui;
