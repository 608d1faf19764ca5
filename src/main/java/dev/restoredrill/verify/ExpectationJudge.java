package dev.restoredrill.verify;

import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.backup.MongoArchiveFacts;
import dev.restoredrill.scenario.CheckPlan;
import dev.restoredrill.scenario.Durations;
import dev.restoredrill.scenario.Expectation;
import dev.restoredrill.scenario.MongoCheck;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Compares a {@link Measurement} with a check's {@link Expectation}. A value of the wrong kind, or a backup
 * figure the context lacks, is an ERROR (the check could not be judged); a value that misses the expectation,
 * including no value at all, is a FAIL.
 */
final class ExpectationJudge {

    private ExpectationJudge() {
    }

    /** @param checkedAt when the value was measured: documents whose TTL passed by then may be gone */
    static Judgement judge(CheckPlan check, Measurement measured, CheckContext context, Instant checkedAt) {
        Expectation expectation = check.expectation();
        if (expectation instanceof Expectation.Compare compare) {
            return compare(compare, measured);
        }
        if (expectation instanceof Expectation.EqualsBackup equalsBackup) {
            return equalsBackup(equalsBackup, check, measured, context, checkedAt);
        }
        return freshWithin((Expectation.FreshWithin) expectation, check, measured, context);
    }

    private static Judgement compare(Expectation.Compare compare, Measurement measured) {
        if (measured.number().isPresent()) {
            long found = measured.number().getAsLong();
            return compare.isSatisfiedBy(found)
                    ? new Judgement(Verdict.PASS, "Found " + found + ", expected " + compare.describe() + ".")
                    : new Judgement(Verdict.FAIL, "Expected " + compare.describe() + ", found " + found + ".");
        }
        if (measured.absent()) {
            return new Judgement(Verdict.FAIL, "Expected " + compare.describe() + ", found no value ("
                    + measured.actual() + "): the restored store holds nothing the check could count.");
        }
        return new Judgement(Verdict.ERROR, "Expected a whole number to compare with " + compare.describe()
                + ", found '" + measured.actual() + "'. Make the query return a count or a number.");
    }

    private static Judgement equalsBackup(Expectation.EqualsBackup equalsBackup, CheckPlan check,
                                          Measurement measured, CheckContext context, Instant checkedAt) {
        if (!(check instanceof MongoCheck mongo)) {
            return new Judgement(Verdict.ERROR, "'== backup' needs a mongodb check, found a " + check.store()
                    + " check: only the mongo archive records documents per collection. Compare with a number.");
        }
        Long inBackup = context.backupCounts().get(mongo.namespace());
        if (inBackup == null) {
            return new Judgement(Verdict.ERROR, "Expected the backup's document count for " + mongo.namespace()
                    + ", found none among the backup counts " + context.backupCounts().keySet()
                    + ". Check that the archive holds the collection and that its counts are passed on.");
        }
        if (measured.number().isEmpty()) {
            return new Judgement(Verdict.ERROR, "Expected a document count to compare with the backup's "
                    + inBackup + ", found '" + measured.actual() + "'.");
        }
        long restored = measured.number().getAsLong();
        // A real mongod's TTL monitor (every 60 s) deletes what expired, so restored may be anywhere from
        // "backup minus the expired" to "backup"; a server without TTL deletion keeps them all.
        MongoArchiveFacts.Ttl ttl = context.backupTtl().get(mongo.namespace());
        long expirable = ttl == null ? 0 : Math.min(inBackup, ttl.expiredBy(checkedAt));
        if (equalsBackup.isSatisfiedBy(restored, inBackup)) {
            return new Judgement(Verdict.PASS, "Restored " + restored + " documents in " + mongo.namespace()
                    + ", as many as the backup holds" + (expirable == 0 ? "." : "; " + expirable
                    + " of them were past their TTL at " + checkedAt + " and not deleted yet."));
        }
        if (restored < inBackup && inBackup - restored <= expirable) {
            return new Judgement(Verdict.PASS, "Restored " + restored + " documents in " + mongo.namespace()
                    + ", the backup holds " + inBackup + ": " + (inBackup - restored) + " expired by TTL, none lost ("
                    + expirable + " were past their TTL at " + checkedAt + "; " + String.join("; ", ttl.indexes())
                    + ").");
        }
        String difference = restored < inBackup
                ? (inBackup - restored) + " lost in the restore" + (expirable == 0 ? ""
                : "; only " + expirable + " of them could have expired by TTL at " + checkedAt)
                : (restored - inBackup) + " more than the backup: was the target not empty?";
        return new Judgement(Verdict.FAIL, "Restored " + restored + " documents in " + mongo.namespace()
                + ", the backup holds " + inBackup + " (" + difference + ").");
    }

    private static Judgement freshWithin(Expectation.FreshWithin fresh, CheckPlan check, Measurement measured,
                                         CheckContext context) {
        Instant backupDate = context.backupInstants().get(check.store());
        if (backupDate == null) {
            return new Judgement(Verdict.ERROR, "Expected the " + check.store() + " backup's date to compare with, "
                    + "found none among " + context.backupInstants().keySet()
                    + ". Pass the backup manifest's dates to the check.");
        }
        if (measured.newest().isEmpty()) {
            if (measured.absent()) {
                return new Judgement(Verdict.FAIL, "Expected a newest record within "
                        + Durations.format(fresh.window()) + " of the backup date " + backupDate + ", found none ("
                        + measured.actual() + ").");
            }
            return new Judgement(Verdict.ERROR, "Expected a timestamp (the newest record), found '"
                    + measured.actual() + "'. Make the query return a date or timestamp, e.g. max(created_at).");
        }
        Instant newest = measured.newest().get();
        String window = Durations.format(fresh.window());
        if (fresh.isSatisfiedBy(newest, backupDate)) {
            return new Judgement(Verdict.PASS, "Newest " + newest + " is within " + window + " of the backup date "
                    + backupDate + ".");
        }
        Duration age = Duration.between(newest, backupDate).truncatedTo(ChronoUnit.MINUTES);
        return new Judgement(Verdict.FAIL, "Newest " + newest + " is " + Durations.format(age)
                + " older than the backup date " + backupDate + ", expected at most " + window
                + ": the backup missed recent writes, or an older backup was restored.");
    }
}
