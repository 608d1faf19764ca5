/**
 * What a store is, defined once: {@link dev.restoredrill.store.StoreType} (backup file, RPO, service, port,
 * volume, restore methods, check kinds), {@link dev.restoredrill.store.RestoreMethod} and
 * {@link dev.restoredrill.store.CheckKind}. Every stage reads stores from here; switches over these types have
 * no {@code default} branch, so adding a store is guided by the compiler.
 */
package dev.restoredrill.store;
