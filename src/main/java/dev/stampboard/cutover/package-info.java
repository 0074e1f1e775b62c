/**
 * Cutover (DESIGN §5): the per-move state machine that the executor will drive — cutting over,
 * draining, validating, pausing and rolling back. So far the state machine and its
 * allowed-transitions table; the executor, routing port and monitor build on it.
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.cutover;
