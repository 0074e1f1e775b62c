/**
 * Who may do what: the console's users and roles (DESIGN §9), the login view, and the two
 * filter chains (session login for the browser, HTTP Basic for {@code /api/v1}).
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.security;
