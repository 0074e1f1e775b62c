/** Stampboard, the operator console of a stamp-based container-registry service: one sub-package per capability. */
@org.jspecify.annotations.NullMarked
package dev.stampboard;
