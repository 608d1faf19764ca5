package dev.restoredrill.backup;

import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.outcome.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One store's part of the manifest.
 *
 * @param rpoTarget     the store's RPO
 * @param chosen        the newest usable backup, or null when there is none
 * @param rpoCheck      its age against the RPO, or null when there is no chosen backup
 * @param facts         what the chosen backup holds, or null when its content could not be read
 * @param hostile       the chosen tarball has entries that must never be extracted, or the chosen dump holds
 *                      what psql would act on beyond SQL: the restore must refuse
 * @param hostileReason the first hostile entry or dump line and why, or null
 * @param candidates    every file matching the pattern, newest first, the chosen one included
 * @param failures      each reason for FAIL
 * @param error         why the backup could not be checked (ERROR), else null
 * @param picked        why the chosen backup was chosen and when it was taken, or null when none was chosen; the RPO
 *                      ({@code rpoCheck}) is judged on the store's newest backup, which an older pick passes over
 */
public record StoreResult(String store, BackupFormat format, String filePattern, Duration rpoTarget,
        Verdict verdict, ChosenBackup chosen, RpoCheck rpoCheck, FormatFacts facts, boolean hostile,
        String hostileReason, List<BackupCandidate> candidates, List<String> failures, List<String> warnings,
        String error, PickedBackup picked) {

    /** A result without a pick record (nothing chosen, or written before picks existed). */
    public StoreResult(String store, BackupFormat format, String filePattern, Duration rpoTarget, Verdict verdict,
            ChosenBackup chosen, RpoCheck rpoCheck, FormatFacts facts, boolean hostile, String hostileReason,
            List<BackupCandidate> candidates, List<String> failures, List<String> warnings, String error) {
        this(store, format, filePattern, rpoTarget, verdict, chosen, rpoCheck, facts, hostile, hostileReason,
                candidates, failures, warnings, error, null);
    }

    /** When the chosen backup was taken (the picked one's instant, which checks judge freshness against), or null. */
    public Instant backupInstant() {
        return picked != null ? picked.backupInstant() : rpoCheck != null ? rpoCheck.backupInstant() : null;
    }

    /** This result with the after-drill sha256 recorded, and a failure if it differs or could not be had. */
    StoreResult withSha256After(String sha256After, String rehashProblem) {
        List<String> allFailures = new ArrayList<>(failures);
        if (rehashProblem != null) {
            allFailures.add(rehashProblem);
        } else if (!sha256After.equals(chosen.sha256Before())) {
            allFailures.add(chosen.fileName() + ": sha256 changed during the drill (before " + chosen.sha256Before()
                    + ", after " + sha256After + "): something wrote to the backup while the drill ran.");
        }
        return new StoreResult(store, format, filePattern, rpoTarget, verdictOf(error, allFailures),
                chosen.withSha256After(sha256After), rpoCheck, facts, hostile, hostileReason, candidates,
                List.copyOf(allFailures), warnings, error, picked);
    }

    /** ERROR when the backup could not be read at all, FAIL when it has failures, else PASS. */
    static Verdict verdictOf(String error, List<String> failures) {
        return error != null ? Verdict.ERROR : failures.isEmpty() ? Verdict.PASS : Verdict.FAIL;
    }

    /**
     * What the catalog found wrong, each with its category: a missed RPO is an RPO breach, anything else (missing,
     * unreadable, truncated, hostile, changed during the drill) makes the backup a corrupt one.
     */
    public List<Failure> findings() {
        List<Failure> findings = new ArrayList<>();
        for (String failure : failures) {
            findings.add(category(failure).failure(store + ": " + failure));
        }
        if (error != null) {
            findings.add(FailureCategory.CORRUPT_BACKUP.failure(store + ": " + error));
        }
        return findings;
    }

    /** The failures that make the backup unusable for a restore: every one but a missed RPO. */
    public List<String> integrityFailures() {
        return failures.stream().filter(f -> category(f) == FailureCategory.CORRUPT_BACKUP).toList();
    }

    private static FailureCategory category(String failure) {
        return RpoCheck.isMiss(failure) ? FailureCategory.RPO_BREACH : FailureCategory.CORRUPT_BACKUP;
    }
}
