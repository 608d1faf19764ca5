/**
 * Shared by every stage: independent pieces of work run side by side and waited for together
 * ({@link dev.restoredrill.concurrent.ConcurrentWork}), on daemon threads only
 * ({@link dev.restoredrill.concurrent.DaemonThreads}).
 */
package dev.restoredrill.concurrent;
