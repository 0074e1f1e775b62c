/** Plans over the JSON API: propose, submit, approve or reject, read moves and the outcome report. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.planning.api;
