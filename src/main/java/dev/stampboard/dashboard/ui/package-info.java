/** The fleet dashboard, stamp detail and registry detail screens. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.dashboard.ui;
