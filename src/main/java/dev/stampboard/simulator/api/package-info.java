/** The embedded simulator over the JSON API: its clock, and advancing it deterministically. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.simulator.api;
