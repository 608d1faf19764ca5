package dev.restoredrill.verify;

import dev.restoredrill.outcome.SecretMasker;
import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.scenario.IntegrityCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs an {@link IntegrityCheck} with its store's probe ({@link PostgresIntegrity}, {@link ClickHouseIntegrity},
 * {@link MongoValidation}, {@link S3ObjectVerification}) and reports it as a {@link CheckOutcome}: the probe's
 * status as the verdict (NOT_SUPPORTED stays NOT_SUPPORTED, never a pass), what it looked at and its time as the
 * actual value, its findings as the message.
 */
final class IntegrityProbes {

    /** A full read of a large ClickHouse table may take long; the drill's RTO bounds it anyway. */
    static final Duration CLICKHOUSE_QUERY_TIMEOUT = Duration.ofHours(1);

    private IntegrityProbes() {
    }

    /** What the probe runs, for the evidence's "query" column. */
    static String describe(IntegrityCheck check) {
        String probe = switch (check.kind()) {
            case PG_AMCHECK -> PostgresIntegrity.AMCHECK;
            case PG_FULL_READ -> PostgresIntegrity.FULL_READ;
            case CLICKHOUSE_CHECK_TABLE -> ClickHouseIntegrity.CHECK_TABLE;
            case CLICKHOUSE_FULL_READ -> ClickHouseIntegrity.FULL_READ;
            case MONGO_VALIDATE -> MongoValidation.VALIDATE;
            case S3_VERIFY -> S3ObjectVerification.PROBE;
            case SQL, MONGO, CLICKHOUSE_SQL, S3_OBJECTS -> throw new IllegalArgumentException(
                    check.kind().label() + " is not an integrity check");
        };
        return probe + "; " + check.scope();
    }

    static CheckOutcome run(IntegrityCheck check, CheckContext context, List<String> secrets) {
        IntegrityResult result = probe(check, context, secrets);
        SecretMasker masker = SecretMasker.of(secrets);
        return new CheckOutcome(check.name(), check.store(), check.severity(), verdict(result.status()),
                check.expectation().describe(), masker.mask(result.lookedAt()), masker.mask(result.message()),
                masker.mask(describe(check)), result.took(), result.counted());
    }

    static Verdict verdict(IntegrityResult.Status status) {
        return switch (status) {
            case PASS -> Verdict.PASS;
            case FAIL -> Verdict.FAIL;
            case NOT_SUPPORTED -> Verdict.NOT_SUPPORTED;
            case ERROR -> Verdict.ERROR;
        };
    }

    private static IntegrityResult probe(IntegrityCheck check, CheckContext context, List<String> secrets) {
        StoreConnections stores = context.stores();
        return switch (check.kind()) {
            case PG_AMCHECK -> new PostgresIntegrity(stores.postgres(), secrets).onlyDatabases(check.databases())
                    .amcheck();
            case PG_FULL_READ -> new PostgresIntegrity(stores.postgres(), secrets).onlyDatabases(check.databases())
                    .readAllRows();
            case CLICKHOUSE_CHECK_TABLE -> new ClickHouseIntegrity(stores.clickhouse(), secrets,
                    CLICKHOUSE_QUERY_TIMEOUT).onlyDatabases(check.databases()).checkTables();
            case CLICKHOUSE_FULL_READ -> new ClickHouseIntegrity(stores.clickhouse(), secrets,
                    CLICKHOUSE_QUERY_TIMEOUT).onlyDatabases(check.databases()).readAll();
            case MONGO_VALIDATE -> new MongoValidation(stores.mongo(), secrets).onlyDatabases(check.databases())
                    .validate();
            case S3_VERIFY -> s3(check, context, secrets);
            case SQL, MONGO, CLICKHOUSE_SQL, S3_OBJECTS -> throw new IllegalArgumentException(
                    check.kind().label() + " is not an integrity check");
        };
    }

    private static IntegrityResult s3(IntegrityCheck check, CheckContext context, List<String> secrets) {
        Path tarball = context.backupFiles().get(check.store());
        if (tarball == null) {
            throw new StoreAccessException("s3-verify compares the restored objects with the backup tarball of "
                    + check.store() + ", but the drill has no backup file for it; run the check in a drill that "
                    + "restores " + check.store() + ".");
        }
        // unknown: 0, so every object is verified
        long objects = context.backupObjects().getOrDefault(check.store(), 0L);
        return new S3ObjectVerification(context.stores().s3(), secrets).verify(tarball, objects, check.sample());
    }
}
