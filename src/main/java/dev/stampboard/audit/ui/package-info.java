/** The audit log screen. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.audit.ui;
