/**
 * Scenarios: {@link dev.restoredrill.scenario.ScenarioLoader} reads {@code drill-scenarios/*.yml} into an
 * immutable, validated {@link dev.restoredrill.scenario.DrillPlan} (stores, stack, journey, checks, report); a bad
 * file fails with file, line, column and field ({@link dev.restoredrill.scenario.ScenarioException}).
 */
package dev.restoredrill.scenario;
