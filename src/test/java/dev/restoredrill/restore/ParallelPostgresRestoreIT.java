package dev.restoredrill.restore;

import dev.restoredrill.stack.DrillCredentials;
import dev.restoredrill.stack.DrillStack;
import dev.restoredrill.stack.StackDefinition;
import dev.restoredrill.testsupport.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PostgresLogicalRestore} on a real postgres (the reference image): a two-database pg_dumpall in Debian's
 * shape (restrict lines, a role in the globals that both databases use) loads completely in parallel sessions; a
 * failing statement in one database fails the restore with psql's message naming that database; a cut gzip is a
 * corrupt backup. Each case restores into a database name of its own, so one stack serves them all.
 */
@RequiresDocker
class ParallelPostgresRestoreIT {

    private static DrillStack stack;
    private static DrillCredentials credentials;

    @TempDir
    Path temp;

    @BeforeAll
    static void start(@TempDir Path work) {
        credentials = DrillCredentials.generate();
        stack = DrillStack.create(new StackDefinition(
                List.of(Path.of("compose/platform.yml"), Path.of("compose/drill.override.yml"),
                        Path.of("compose/reference.override.yml")),
                List.of("postgres"), work, Duration.ofMinutes(5)), credentials, Clock.systemUTC());
        stack.start();
        stack.awaitHealthy("postgres", Duration.ofMinutes(5));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void bothDatabasesAndTheirRowsArriveAfterTheGlobals() throws Exception {
        Path dump = gzip("ok", dumpall("role_ok", db("ok_litellm", "role_ok", 5000, ""), db("ok_langfuse", "role_ok",
                7000, "")));

        List<String> notes = restore(dump);

        // the drill's fresh server took compose/postgres-bulk-load.sql, so the tables load without WAL and their
        // keys are sorted in small runs (pg_settings gives maintenance_work_mem in kB)
        assertThat(notes.get(0)).startsWith("server settings:")
                .contains("wal_level=minimal", "fsync=off", "maintenance_work_mem=16384");
        assertThat(notes.get(1)).contains("the globals, then 2 databases", "each one transaction");
        assertThat(sql("ok_litellm", "select count(*) from spend_logs")).isEqualTo("5000");
        assertThat(sql("ok_langfuse", "select count(*) from spend_logs")).isEqualTo("7000");
        assertThat(sql("ok_langfuse", "select tableowner from pg_tables where tablename = 'spend_logs'"))
                .isEqualTo("role_ok");
        assertThat(sql("ok_langfuse", "select count(*) from pg_indexes where indexname = 'spend_logs_pkey'"))
                .isEqualTo("1");
    }

    @Test
    void aFailingStatementInOneDatabaseFailsTheRestoreWithPsqlsMessageNamingIt() throws Exception {
        Path dump = gzip("bad", dumpall("role_bad", db("bad_litellm", "role_bad", 3000, ""),
                db("bad_langfuse", "role_bad", 3000, "SELECT * FROM no_such_table_restore_drill;\n")));

        assertThatThrownBy(() -> restore(dump)).isInstanceOf(RestoreFailedException.class)
                .hasMessageStartingWith("Restore failure: psql stopped with exit code 3 in database \"bad_langfuse\"")
                .hasMessageContaining("no_such_table_restore_drill").hasMessageContaining("does not exist");
    }

    @Test
    void aCutDumpIsACorruptBackup() throws Exception {
        Path whole = gzip("cut", dumpall("role_cut", db("cut_litellm", "role_cut", 20000, ""),
                db("cut_langfuse", "role_cut", 20000, "")));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(temp.resolve("pg_cut.sql.gz"), Arrays.copyOf(bytes, bytes.length * 2 / 3));

        assertThatThrownBy(() -> restore(cut)).isInstanceOf(RestoreFailedException.class)
                .hasMessageStartingWith("Corrupt backup: pg_cut.sql.gz could not be read to its end");
    }

    private List<String> restore(Path dump) throws Exception {
        return new PostgresLogicalRestore("postgres", "postgres", dump, credentials.postgresUser(), Duration.ofMinutes(10))
                .load(stack);
    }

    private String sql(String database, String query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stack.exec("postgres", List.of("psql", "-X", "-U", credentials.postgresUser(), "-d", database, "-Atc", query),
                InputStream.nullInputStream(), out, out, Duration.ofMinutes(1));
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    /** pg_dumpall's layout (postgres src/bin/pg_dump/pg_dumpall.c), as Debian's 15.20 writes it. */
    private static String dumpall(String role, String... databases) {
        return "--\n-- PostgreSQL database cluster dump\n--\n\n\\restrict g0\n\n"
                + "SET default_transaction_read_only = off;\nSET client_encoding = 'UTF8';\n"
                + "SET standard_conforming_strings = on;\n\nCREATE ROLE " + role + ";\n"
                + "ALTER ROLE " + role + " WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB LOGIN;\n\n"
                + "\\unrestrict g0\n\n--\n-- Databases\n--\n\n" + String.join("", databases)
                + "--\n-- PostgreSQL database cluster dump complete\n--\n\n";
    }

    private static String db(String name, String owner, int rows, String extra) {
        StringBuilder sql = new StringBuilder("--\n-- Database \"" + name + "\" dump\n--\n\n--\n-- PostgreSQL database "
                + "dump\n--\n\n\\restrict k" + name + "\n\nCREATE DATABASE " + name
                + " WITH TEMPLATE = template0 ENCODING = 'UTF8';\nALTER DATABASE " + name + " OWNER TO " + owner
                + ";\n\n\\unrestrict k" + name + "\n\\connect " + name + "\n\\restrict k" + name + "\n\n"
                + "CREATE TABLE public.spend_logs (request_id text NOT NULL, spend numeric);\n"
                + "ALTER TABLE public.spend_logs OWNER TO " + owner + ";\n\n"
                + "COPY public.spend_logs (request_id, spend) FROM stdin;\n");
        for (int i = 0; i < rows; i++) {
            sql.append("req-").append(i).append('\t').append(i % 100).append(".5\n");
        }
        sql.append("\\.\n\n").append(extra).append("\nALTER TABLE ONLY public.spend_logs\n    ADD CONSTRAINT "
                + "spend_logs_pkey PRIMARY KEY (request_id);\n\n--\n-- PostgreSQL database dump complete\n--\n\n"
                + "\\unrestrict k" + name + "\n\n");
        return sql.toString();
    }

    private Path gzip(String name, String sql) throws IOException {
        Path file = temp.resolve("pg_" + name + ".sql.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(sql.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
