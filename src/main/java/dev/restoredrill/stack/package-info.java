/**
 * The drill stack: {@link dev.restoredrill.stack.DrillStack} runs the platform's compose file plus the drill
 * override through Testcontainers' ComposeContainer under a project of its own, fresh volumes, no host ports,
 * everything labelled ({@link dev.restoredrill.stack.DrillLabels}) and removed, also by
 * {@link dev.restoredrill.stack.LeftoverReaper} after a killed drill. {@link dev.restoredrill.stack.ServiceStack}
 * is what the restores see of it.
 */
package dev.restoredrill.stack;
