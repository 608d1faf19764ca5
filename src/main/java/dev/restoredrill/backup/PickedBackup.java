package dev.restoredrill.backup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Why a store's chosen backup was chosen, and when it was taken (MANIFEST.md, {@code stores[].picked}). The RPO is
 * judged on the store's newest backup ({@code rpo_check}); with an older pick these are the picked one's own facts.
 *
 * @param reason        in words, e.g. "newest usable backup" or "the night of 2026-05-12 (random within 30d, ...)"
 * @param backupDate    the date in its name
 * @param backupInstant when it was taken, by the manifest's backup-instant rule: the checks' "backup date"
 * @param basis         {@code mtime} or {@code start_of_named_date_utc}
 * @param age           drill time minus backup instant
 * @param newest        it is the store's newest usable backup
 * @param passedOver    how many newer usable backups the pick passed over on purpose (listed as NEWER, never read)
 */
public record PickedBackup(String reason, LocalDate backupDate, Instant backupInstant, String basis, Duration age,
        boolean newest, int passedOver) {}
