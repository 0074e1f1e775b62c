/**
 * The stamp score (DESIGN §2, issue 16): the probability, shown 0–100, that a stamp's customers see an SLO breach
 * within the next hours, from a logistic regression over the stamp's proactive and reactive signals. Owns the model
 * versions (trained on simulated history, evaluated against the baseline rule, activated by an admin, weights
 * pinnable by hand), the live per-minute scores and their breakdowns, the score API and the model page.
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.score;
