/**
 * The drill's one vocabulary for outcomes: {@link dev.restoredrill.outcome.Verdict} for anything judged,
 * {@link dev.restoredrill.outcome.FailureCategory} and {@link dev.restoredrill.outcome.Failure} for what went
 * wrong, {@link dev.restoredrill.outcome.SecretMasker}, which every stage uses before text leaves the drill, and
 * {@link dev.restoredrill.outcome.Excerpt}, how an error message quotes a long text.
 */
package dev.restoredrill.outcome;
