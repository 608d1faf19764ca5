/**
 * The drill itself, stage after stage: {@link dev.restoredrill.drill.DrillRun} (catalog, stack and restores,
 * completeness, checks, journey, report), {@link dev.restoredrill.drill.DrillOptions} (the {@code -Ddrill.*}
 * settings), {@link dev.restoredrill.drill.DrillBackups} (the user's backups or a generated demo set) and
 * {@code StoreWiring}, where each store type meets its restore engine and its connection. The JUnit suite that
 * turns a run into tests is {@code RestoreDrill} under src/test.
 */
package dev.restoredrill.drill;
