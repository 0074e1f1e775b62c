/** The score's JSON API: the model card, training and activation, and the score fields of the stamp rows. */
@org.jspecify.annotations.NullMarked
package dev.stampboard.score.api;
