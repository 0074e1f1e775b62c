/** Planning screens: the migration wizard, the plan list, plan review and approval, the outcome report. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.planning.ui;
