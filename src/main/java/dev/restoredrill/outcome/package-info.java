/**
 * The drill's one vocabulary for outcomes: {@link dev.restoredrill.outcome.Verdict} for anything judged,
 * {@link dev.restoredrill.outcome.FailureCategory} and {@link dev.restoredrill.outcome.Failure} for what went
 * wrong, and {@link dev.restoredrill.outcome.SecretMasker}, which every stage uses before text leaves the drill.
 */
package dev.restoredrill.outcome;
