/**
 * The stamp score's engine in plain Java (and Tribuo): per-stamp features from one minute of observations at a time
 * ({@link dev.stampboard.score.engine.FeatureTracker}, the one path for training and live scoring), incident labels
 * from the world, the fitted model and its breakdown, training on the simulated world and the evaluation against
 * the baseline rule.
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.score.engine;
