/** The JSON API of the security module: API tokens. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.security.api;
