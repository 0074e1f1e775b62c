/** Isolation requests over the JSON API, with the same roles and audit entries as the screens. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.isolation.api;
