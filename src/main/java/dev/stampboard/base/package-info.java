/**
 * Shared kernel: the main layout and the exceptions every module may throw at its edge.
 * Open to all modules; holds no domain of its own.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package dev.stampboard.base;
