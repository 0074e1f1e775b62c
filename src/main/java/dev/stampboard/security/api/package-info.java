/** The JSON API of the security module: API tokens and, for administrators, users. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.security.api;
