/**
 * Cutover (DESIGN §5): executes approved plans. {@link dev.stampboard.cutover.CutoverExecutor} runs
 * batches in phase order — cut over (home stamp + {@link dev.stampboard.cutover.Routing}), drain,
 * validate, judge ({@link dev.stampboard.cutover.VerdictRules}) — storing each step before it acts,
 * under an {@link dev.stampboard.cutover.ExecutorLease} so one console instance executes;
 * {@link dev.stampboard.cutover.CutoverService} is what engineers do (start, pause, resume, roll back)
 * and what the migration monitor and the API read.
 */
@org.jspecify.annotations.NullMarked
package dev.stampboard.cutover;
