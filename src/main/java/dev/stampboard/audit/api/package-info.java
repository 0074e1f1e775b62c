/** The audit log over the JSON API. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.audit.api;
