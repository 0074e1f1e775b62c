/** Isolation screens: the request queue, the new-request form and a request's detail with its actions. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.isolation.ui;
