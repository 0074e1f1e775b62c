/** Plan execution over the JSON API: start, pause, resume, roll back, and the execution's state. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.cutover.api;
