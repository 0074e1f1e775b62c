/** The application frame (layout, menu, shell), shared UI helpers and the chart component. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.base.ui;
