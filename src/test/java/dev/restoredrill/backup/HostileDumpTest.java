package dev.restoredrill.backup;

import dev.restoredrill.outcome.Verdict;

import dev.restoredrill.store.StoreType;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dumps carrying what psql would act on beyond SQL (issue: a hand-edited dump with {@code \! touch …} and
 * {@code COPY (SELECT 1) TO PROGRAM '…'} after {@code \connect} was restored without a word), and legitimate
 * dumps whose data, strings and function bodies look like meta-commands but are not.
 */
class HostileDumpTest {
    static final Clock DRILL = Fixtures.clockAt("2026-05-25T20:00:00Z");
    static final StoreBackupSpec POSTGRES = StoreType.POSTGRES.backupSpec();
    static final String FILE = "pg_2026-05-25.sql.gz";
    static final String AFTER = "\\connect litellm\n";

    @TempDir
    Path backups;

    private StoreResult scan(String dumpText) {
        Fixtures.touch(Fixtures.gzip(backups.resolve(FILE), dumpText), "2026-05-25T02:00:00Z");
        return BackupCatalog.scan(backups, List.of(POSTGRES), DRILL, ScanProgress.silent()).stores().get(0);
    }

    /** The fixture dump with {@code text} inserted right after litellm's {@code \connect} line. */
    private static String withInserted(String text) {
        String dump = Fixtures.pgDumpall();
        int at = dump.indexOf(AFTER) + AFTER.length();
        return dump.substring(0, at) + text + dump.substring(at);
    }

    private static long lineAfterConnect() {
        String dump = Fixtures.pgDumpall();
        return dump.substring(0, dump.indexOf(AFTER)).lines().count() + 2;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '^', textBlock = """
            \\! touch /tmp/pwned                           => psql meta-command \\! (runs a shell command
            \\o /tmp/out                                   => psql meta-command \\o (sends query output
            \\o |sh                                        => psql meta-command \\o
            \\copy public.t from program 'id'              => psql meta-command \\copy (client-side copy
            \\i /etc/passwd                                => psql meta-command \\i (reads and runs another file
            \\ir other.sql                                 => psql meta-command \\ir
            \\setenv PAGER 'sh -c id'                      => psql meta-command \\setenv
            SELECT 'id' \\gexec                            => psql meta-command \\gexec
            SELECT 1 \\g /tmp/out                          => psql meta-command \\g (sends the query buffer
            \\w /tmp/x                                     => psql meta-command \\w
            \\set ON_ERROR_STOP off                        => psql meta-command \\set
            \\connect litellm \\\\ \\! id                  => psql meta-command \\connect (connects with arguments
            \\connect `id`                                 => psql meta-command \\connect
            \\restrict `id`                                => psql meta-command \\restrict
            COPY (SELECT 1) TO PROGRAM 'touch /tmp/pwned'; => COPY … TO PROGRAM (runs a shell command
            COPY public.t FROM PROGRAM 'curl x';           => COPY … FROM PROGRAM
            COPY public.t TO '/tmp/stolen';                => COPY … TO a file (writes a file on the database server)
            COPY public.t TO STDOUT;                       => COPY … TO STDOUT
            COPY public.t FROM '/etc/passwd';              => reads a file on the database server
            """)
    void eachHostileLineIsRefusedWithItsLineNumber(String hostileLine, String what) {
        StoreResult result = scan(withInserted(hostileLine.strip() + "\n"));

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.hostile()).isTrue();
        long line = lineAfterConnect();
        assertThat(result.hostileReason()).startsWith("line " + line + " (database \"litellm\"): ")
                .contains(what.strip());
        assertThat(result.failures()).singleElement().asString()
                .contains(FILE + ": hostile dump: line " + line, "17.6, 16.10 and 15.14", "must never be restored");
        // the catalog's rule for a restore (DrillRun.catalogProblem): any failure that is not an RPO miss
        // refuses the restore; a hostile dump is such a failure
        assertThat(result.failures()).noneMatch(RpoCheck::isMiss);
    }

    @Test
    void aCarriageReturnEndsALineCommentForPsqlSoWhatFollowsIsAMetaCommand() {
        StoreResult result = scan(withInserted("SELECT 1; -- a comment\r\\! id\n"));

        assertThat(result.hostileReason()).isEqualTo("line " + lineAfterConnect() + " (database \"litellm\"): psql"
                + " meta-command \\! (runs a shell command on the machine running psql)");
    }

    @Test
    void theIssuesEditedDumpIsRefusedAndItsCopyTargetsStayIntact() {
        StoreResult result = scan(withInserted("\\! touch /tmp/pwned\nCOPY (SELECT 1) TO PROGRAM 'touch /x';\n"));

        PgDumpFacts facts = (PgDumpFacts) result.facts();
        long line = lineAfterConnect();
        assertThat(facts.hostileLines()).extracting(PgDumpFacts.HostileLine::line).containsExactly(line, line + 1);
        assertThat(facts.hostileLineCount()).isEqualTo(2);
        // the COPY … TO PROGRAM line is not a data block: the real tables after it keep their names and rows
        assertThat(facts.databases().get(1).tables())
                .extracting(PgDumpFacts.Table::table, PgDumpFacts.Table::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LiteLLM_SpendLogs", 3L),
                        org.assertj.core.groups.Tuple.tuple("LiteLLM_VerificationToken", 2L));
    }

    @Test
    void aRowThatCopyToNeverWritesIsHostileBecausePsqlWouldRunItAfterAFailedCopy() {
        String dump = Fixtures.pgDumpall().replace("u1\tDrill User", "\\! touch /tmp/pwned\nu1\tDrill User");
        long line = dump.substring(0, dump.indexOf("\\! touch")).lines().count() + 1;

        StoreResult result = scan(dump);

        assertThat(result.hostile()).isTrue();
        assertThat(result.hostileReason()).isEqualTo("line " + line + " (database \"langfuse\"): a COPY data row of"
                + " table public.users with the escape \\!, which COPY … TO never writes (psql reads such a row as a"
                + " meta-command when the COPY before it fails and ON_ERROR_STOP is off, as in the runbook's restore)");
        assertThat(((PgDumpFacts) result.facts()).databases().get(2).tables().get(0).rows()).isEqualTo(2);
    }

    @Test
    void hiddenInsideWhatOnlyLooksLikeAStringItIsStillFound() {
        // $a$ … $a$ is one dollar-quoted string, so the ' inside it opens nothing and \! runs
        StoreResult dollar = scan(withInserted("SELECT $a$ ' $a$; \\! id\n"));
        // inside a CREATE FUNCTION … BEGIN ATOMIC block a ';' does not end the statement, so the COPY has
        // not run when the next line comes: psql reads that line as a meta-command, not as data
        StoreResult atomic = scan(withInserted("CREATE FUNCTION public.f() RETURNS int LANGUAGE sql BEGIN ATOMIC"
                + " SELECT 1; COPY public.t FROM stdin;\n\\! id\nEND;\n"));

        assertThat(dollar.hostileReason()).startsWith("line " + lineAfterConnect() + " ").contains("\\!");
        assertThat(atomic.hostileReason()).startsWith("line " + (lineAfterConnect() + 1) + " ")
                .contains("psql meta-command \\!");
    }

    @Test
    void aLegitimateDumpWithTrickyDataStringsAndFunctionBodiesPasses() {
        String tricky = """
                CREATE FUNCTION public.shell_words(t text) RETURNS text
                    LANGUAGE plpgsql
                    AS $$
                BEGIN
                  -- a comment in the body: \\! is not run here, nor ' opens a string
                  RETURN replace(t, '\\', '\\\\'); -- standard strings: one backslash each
                END
                $$;

                CREATE FUNCTION public.tagged() RETURNS text
                    LANGUAGE sql
                    AS $_$SELECT '$$ \\o /tmp/x'::text$_$;

                CREATE FUNCTION public.atomic_one() RETURNS integer
                    LANGUAGE sql
                    BEGIN ATOMIC
                 SELECT 1;
                END;

                COMMENT ON TABLE public."LiteLLM_SpendLogs" IS 'spend per request;
                \\! this line is inside a string literal
                and so is this one';

                SELECT E'it''s \\' \\\\ still a string'
                '\\' -- continued across the newline: \\' is an escaped quote here too';

                /* a block comment /* nested */ \\! still a comment */

                COPY public.notes (id, body) FROM stdin;
                1\t\\N
                2\t\\\\! a backslash then a bang, escaped as COPY TO writes it
                \\\\connect starts with an escaped backslash
                3\tline one\\nline two\\ttabbed\\r\\b\\f\\v
                \\\\.
                \\.

                """;
        String dump = withInserted(tricky);

        StoreResult result = scan(dump);

        assertThat(result.failures()).isEmpty();
        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        PgDumpFacts facts = (PgDumpFacts) result.facts();
        assertThat(facts.hostile()).isFalse();
        assertThat(facts.databases().get(1).tables())
                .extracting(PgDumpFacts.Table::table, PgDumpFacts.Table::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("notes", 5L),
                        org.assertj.core.groups.Tuple.tuple("LiteLLM_SpendLogs", 3L),
                        org.assertj.core.groups.Tuple.tuple("LiteLLM_VerificationToken", 2L));
    }

    @Test
    void copyDataEndsAtBackslashDotWithACarriageReturnAsPsqlEndsIt() {
        String dump = Fixtures.pgDumpall().replace("u1\tDrill User\tdrill@example.com\n\\.\n",
                "u1\tDrill User\tdrill@example.com\n\\.\r\n\\! id\n");

        StoreResult result = scan(dump);

        assertThat(result.hostile()).isTrue();
        assertThat(result.hostileReason()).contains("psql meta-command \\!");
        assertThat(((PgDumpFacts) result.facts()).databases().get(2).tables().get(0).rows()).isEqualTo(1);
    }

    @Test
    void theRestrictKeyNeverAppearsEvenWhenARestrictLineIsHostile() {
        StoreResult result = scan(withInserted("\\restrict " + Fixtures.SECRET_RESTRICT_KEY + " `id`\n"));

        assertThat(result.hostile()).isTrue();
        assertThat(String.join(" ", result.failures()) + result.hostileReason())
                .doesNotContain(Fixtures.SECRET_RESTRICT_KEY).doesNotContain("`id`");
    }

    @Test
    void preflightRefusesTheDumpNamingTheLine() throws Exception {
        Path dir = Files.createDirectory(backups.resolve("set"));
        Fixtures.gzip(dir.resolve(FILE), withInserted("\\! touch /tmp/pwned\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = Preflight.run(new String[] {"--backups=" + dir, "--manifest=" + backups.resolve("m.json"),
                "--stores=postgres"}, DRILL, ScanProgress.silent(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(Preflight.NOT_PASSED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("postgres FAIL: " + FILE
                + ": hostile dump: line " + lineAfterConnect() + " (database \"litellm\"): psql meta-command \\!");
        BackupManifest manifest = BackupManifest.fromJson(Files.readString(backups.resolve("m.json")));
        StoreResult stored = manifest.store("postgres").orElseThrow();
        assertThat(stored.hostile()).isTrue();
        assertThat(((PgDumpFacts) stored.facts()).hostileLines()).singleElement()
                .extracting(PgDumpFacts.HostileLine::line).isEqualTo(lineAfterConnect());
    }
}
