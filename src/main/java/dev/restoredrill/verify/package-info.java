/**
 * The verify stage: {@link dev.restoredrill.verify.Completeness} (what the backup holds against what the store
 * holds), {@link dev.restoredrill.verify.CheckRunner} (the scenario's checks, one probe per check kind) and
 * {@link dev.restoredrill.verify.AppJourney} (sign in, open the newest conversation, chat, confirm it is stored).
 */
package dev.restoredrill.verify;
