package dev.restoredrill.restore;

import dev.restoredrill.concurrent.DaemonThreads;
import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.stack.DockerCli;
import dev.restoredrill.stack.ServiceStack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

/**
 * The runbook's Postgres restore, {@code gunzip < pg_DATE.sql.gz | psql -U $POSTGRES_USER}, made strict and
 * parallel: the dump is decompressed on the fly and streamed into {@code psql -v ON_ERROR_STOP=1} inside the
 * postgres service container, the globals (roles) first, then each database of the {@code pg_dumpall} in a psql
 * session of its own ({@value #SESSIONS} at a time), as {@code pg_restore -j} would. The dump is read once; a
 * database whose session is still busy with the one before is spooled to a file on the drill runner meanwhile
 * ({@link SpoolFile}, deleted as it is loaded). The first failing statement of any session fails the store with
 * psql's own message, and the sessions not yet done are stopped.
 */
public final class PostgresLogicalRestore extends ServiceRestore {

    /** psql sessions loading databases at the same time: on two cores a third gains nothing. */
    static final int SESSIONS = 2;
    private static final int NOT_STARTED = -1;

    private final Path dump;
    private final String superuser;
    private final Duration timeout;

    public PostgresLogicalRestore(String store, String service, Path dump, String superuser, Duration timeout) {
        super(store, service);
        this.dump = dump;
        this.superuser = superuser;
        this.timeout = timeout;
    }

    /** One section of the dump on its way into its own psql session. */
    private record Section(String name, CompletableFuture<Integer> exit, LogTail output) {
        String label() {
            return name == null ? "the globals (roles)" : "database \"" + name + "\"";
        }
    }

    @Override
    public List<String> load(ServiceStack stack) throws Exception {
        List<String> notes = new ArrayList<>();
        notes.add(serverSettings(stack));
        Path spools = Files.createTempDirectory("restore-drill-pg-");
        ExecutorService globals = Executors.newSingleThreadExecutor(DaemonThreads.named("psql-globals"));
        ExecutorService databases = Executors.newFixedThreadPool(SESSIONS, DaemonThreads.named("psql-database"));
        List<Section> sections = new ArrayList<>();
        List<SpoolFile> open = new ArrayList<>();
        // The output of the session that failed first: its statement is the restore's error; the others stop.
        AtomicReference<LogTail> firstFailure = new AtomicReference<>();
        RestoreProgress progress = null;
        try (InputStream file = Files.newInputStream(dump);
             RestoreProgress counted = new RestoreProgress(
                     new GZIPInputStream(new BufferedInputStream(file, 1 << 16), 1 << 16), "postgres restore")) {
            progress = counted;
            try {
                DumpallSections.split(counted, database -> {
                    SpoolFile spool = new SpoolFile(spools);
                    open.add(spool);
                    LogTail output = new LogTail(16 * 1024);
                    CompletableFuture<Integer> exit;
                    if (database == null) {
                        exit = CompletableFuture.supplyAsync(() -> psql(stack, spool, output, firstFailure),
                                globals);
                    } else {
                        CompletableFuture<Integer> first = sections.get(0).exit();
                        exit = CompletableFuture.supplyAsync(() -> first.join() == 0 && firstFailure.get() == null
                                ? psql(stack, spool, output, firstFailure) : NOT_STARTED, databases);
                    }
                    sections.add(new Section(database, exit, output));
                    return spool.writer();
                }, () -> firstFailure.get() != null);
            } catch (DumpallSections.SourceFailedException e) {
                // psql must not take a cut dump for a complete one: every session's input fails, psql is stopped.
                open.forEach(spool -> spool.fail(e));
                awaitAll(sections);
                throw corrupt(e);
            }
            if (firstFailure.get() != null) {
                open.forEach(SpoolFile::abandon);
            }
            awaitAll(sections);
        } finally {
            globals.shutdownNow();
            databases.shutdownNow();
            for (SpoolFile spool : open) {
                spool.discard();
            }
            Files.deleteIfExists(spools);
        }
        for (Section section : sections) {
            log.appendLine("--- psql, " + section.label() + " ---");
            byte[] output = section.output().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            log.write(output, 0, output.length);
        }
        for (Section section : sections) {
            if (section.output() == firstFailure.get()) {
                int exit = section.exit().join();
                if (DiskFull.in(section.output().toString())) {
                    throw new RestoreFailedException(FailureCategory.RESTORE_FAILURE, "psql stopped in "
                            + section.label() + " of " + dump.getFileName() + ": "
                            + DiskFull.message(store, section.output().toString(), 0));
                }
                throw new RestoreFailedException(FailureCategory.RESTORE_FAILURE, "psql stopped with exit code " + exit + " in "
                        + section.label() + " of " + dump.getFileName() + " (" + progress.summary() + " of SQL read): "
                        + lastLines(section.output().toString(), 5)
                        + ". The dump does not load as it is; fix the statement psql names, or take a new backup.");
            }
        }
        notes.add("streamed " + progress.summary() + " of SQL into psql -v ON_ERROR_STOP=1: the globals, then "
                + (sections.size() - 1) + " databases in up to " + SESSIONS + " parallel sessions, each one "
                + "transaction");
        return notes;
    }

    /**
     * The server's settings that decide the load's speed, for the evidence: the drill's fresh server takes bulk-load
     * settings from compose/postgres-bulk-load.sql (drill.override.yml), with which each database's transaction
     * writes no WAL for the tables it creates and fills; a server without them restores the same data, slower.
     */
    private String serverSettings(ServiceStack stack) {
        LogTail settings = new LogTail(4096);
        int exit = stack.exec(service, List.of("psql", "-X", "-At", "-U", superuser, "-d", "postgres", "-c",
                "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings WHERE name IN "
                        + "('wal_level', 'fsync', 'full_page_writes', 'max_wal_size', 'synchronous_commit', "
                        + "'maintenance_work_mem')"),
                InputStream.nullInputStream(), settings, settings, Duration.ofMinutes(1));
        return (exit == 0 ? "server settings: " : "server settings unreadable: ") + settings.toString().strip();
    }

    /** Feeds one section into its own {@code psql -v ON_ERROR_STOP=1}; a failure stops the other sessions. */
    private int psql(ServiceStack stack, SpoolFile spool, LogTail output, AtomicReference<LogTail> firstFailure) {
        // psql connects through the container's local socket as the drill's superuser (trusted there, as in the
        // official image), to the maintenance database; each section's own \connect switches databases.
        List<String> psql = List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-U", superuser, "-d", "postgres");
        try (InputStream in = spool.reader()) {
            int exit = stack.exec(service, psql, in, output, output, timeout);
            if (exit != 0) {
                firstFailure.compareAndSet(null, output);
            }
            return exit;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitAll(List<Section> sections) throws Exception {
        for (Section section : sections) {
            try {
                section.exit().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof DockerCli.InputStreamFailedException)) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
    }

    private RestoreFailedException corrupt(IOException e) {
        return new RestoreFailedException(FailureCategory.CORRUPT_BACKUP, dump.getFileName() + " could not be read to its end ("
                + e.getMessage() + "); psql was stopped so no partial load counts as restored. "
                + "Take a new backup; the catalog's pre-flight shows where the file breaks.", e);
    }
    private static String lastLines(String text, int count) {
        List<String> lines = text.strip().lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
