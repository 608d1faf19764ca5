package dev.restoredrill.backup;

import dev.restoredrill.store.StoreType;

import dev.restoredrill.outcome.Verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgDumpScanTest {
    static final Clock DRILL = Fixtures.clockAt("2026-05-25T20:00:00Z");
    static final StoreBackupSpec POSTGRES = StoreType.POSTGRES.backupSpec();
    static final String FILE = "pg_2026-05-25.sql.gz";

    @TempDir
    Path backups;

    private StoreResult scan(String dumpText) {
        Fixtures.touch(Fixtures.gzip(backups.resolve(FILE), dumpText), "2026-05-25T02:00:00Z");
        return BackupCatalog.scan(backups, List.of(POSTGRES), DRILL, ScanProgress.silent()).stores().get(0);
    }

    @Test
    void wholeDumpPassesWithDatabasesTablesAndRowCounts() {
        StoreResult result = scan(Fixtures.pgDumpall());

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        PgDumpFacts facts = (PgDumpFacts) result.facts();
        assertThat(facts.clusterFooter()).isTrue();
        assertThat(facts.serverVersion()).isEqualTo("15.14 (Debian 15.14-0+deb12u1)");
        assertThat(facts.restrictMarkers()).isEqualTo(8);
        assertThat(facts.databases()).extracting(PgDumpFacts.Database::name, PgDumpFacts.Database::connect,
                        PgDumpFacts.Database::complete)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("template1", "template1", true),
                        org.assertj.core.groups.Tuple.tuple("litellm", "litellm", true),
                        org.assertj.core.groups.Tuple.tuple("langfuse", "langfuse", true));
        assertThat(facts.databases().get(1).tables())
                .extracting(PgDumpFacts.Table::schema, PgDumpFacts.Table::table, PgDumpFacts.Table::rows)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("public", "LiteLLM_SpendLogs", 3L),
                        org.assertj.core.groups.Tuple.tuple("public", "LiteLLM_VerificationToken", 2L));
        assertThat(facts.databases().get(2).tables())
                .extracting(PgDumpFacts.Table::table, PgDumpFacts.Table::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("users", 1L),
                        org.assertj.core.groups.Tuple.tuple("_prisma_migrations", 0L));
        assertThat(facts.totalRows()).isEqualTo(6);
        assertThat(result.chosen().uncompressedBytes()).isEqualTo(Fixtures.pgDumpall().length());
    }

    @Test
    void restrictKeysAndRolePasswordsNeverReachTheManifest() {
        scan(Fixtures.pgDumpall());
        BackupManifest manifest = BackupCatalog.scan(backups, List.of(POSTGRES), DRILL, ScanProgress.silent());

        assertThat(manifest.toJson()).doesNotContain(Fixtures.SECRET_RESTRICT_KEY)
                .doesNotContain(Fixtures.ROLE_PASSWORD);
        assertThat(manifest.toTable()).doesNotContain(Fixtures.SECRET_RESTRICT_KEY);
    }

    @Test
    void dumpCutOffMidCopyFailsNamingDatabaseTableAndLine() {
        String dump = Fixtures.pgDumpall();
        String cut = dump.substring(0, dump.indexOf("req-3"));

        StoreResult result = scan(cut);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        long lastLine = cut.lines().count();
        assertThat(result.failures()).singleElement().asString()
                .contains(FILE, "stops inside the COPY data of table public.\"LiteLLM_SpendLogs\"",
                        "database \"litellm\"", "2 rows read", "ends at line " + lastLine, "without the closing '\\.'");
    }

    @Test
    void dumpWithoutClusterFooterFails() {
        String dump = Fixtures.pgDumpall();
        StoreResult result = scan(dump.substring(0, dump.indexOf("-- PostgreSQL database cluster dump complete")));

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.failures()).singleElement().asString()
                .contains("no '-- PostgreSQL database cluster dump complete' line", "after database \"langfuse\"");
    }

    @Test
    void databaseWithoutItsFooterFailsNamingIt() {
        String dump = Fixtures.pgDumpall();
        String cut = dump.substring(0, dump.indexOf("\\unrestrict " + Fixtures.SECRET_RESTRICT_KEY + "F") - 40);

        StoreResult result = scan(cut);

        assertThat(result.failures()).singleElement().asString()
                .contains("stops inside database \"langfuse\"", "without its '-- PostgreSQL database dump complete'");
    }

    @Test
    void singleDatabasePgDumpIsRejectedAsNotPgDumpall() {
        StoreResult result = scan("--\n-- PostgreSQL database dump\n--\n\nSET x = 1;\n");

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.failures()).singleElement().asString()
                .contains("line 2", "a single-database pg_dump", "not pg_dumpall output");
    }

    @Test
    void copyRowsLongerThanTheLineBufferAreCountedNotHeld() {
        String longRow = "x".repeat(3 * BoundedLineReader.MAX_KEPT) + "\t\\N";
        String dump = Fixtures.pgDumpall().replace("u1\tDrill User", longRow + "\nu1\tDrill User");

        PgDumpFacts facts = (PgDumpFacts) scan(dump).facts();

        PgDumpFacts.Table users = facts.databases().get(2).tables().get(0);
        assertThat(users.rows()).isEqualTo(2);
        assertThat(users.dataBytes()).isGreaterThan(3L * BoundedLineReader.MAX_KEPT);
    }

    @Test
    void bigDumpWarnsWithTheRunbooksSpendLogsHint() {
        Fixtures.gzip(backups.resolve(FILE), Fixtures.pgDumpall());
        StoreResult result = new BackupCatalog(DRILL, ScanProgress.silent()).withPgDumpWarnBytes(1_000)
                .scan(backups, List.of(POSTGRES)).stores().get(0);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.warnings()).singleElement().asString()
                .contains("over 1.00 kB uncompressed", "spend_logs_max_size",
                        "largest table: litellm.public.LiteLLM_SpendLogs");
    }
}
