/** {@code /api/v1/capacity/changes}: propose, read, approve, reject, start, roll back. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.capacity.change.api;
