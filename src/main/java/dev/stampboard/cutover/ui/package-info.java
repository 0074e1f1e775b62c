/** The migration monitor: executions, live move progress, verdicts, pause, resume and roll back. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.cutover.ui;
