package dev.restoredrill.restore;

import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.stack.DockerCli;
import dev.restoredrill.stack.ServiceStack;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The runbook's Postgres restore, {@code gunzip < pg_DATE.sql.gz | psql -U $POSTGRES_USER}, made strict: the dump
 * is decompressed on the fly (never to disk) and streamed into {@code psql -v ON_ERROR_STOP=1} inside the postgres
 * service container, so the first failing statement fails the store with psql's own message.
 */
public final class PostgresLogicalRestore extends ServiceRestore {

    private final Path dump;
    private final String superuser;
    private final Duration timeout;

    public PostgresLogicalRestore(String store, String service, Path dump, String superuser, Duration timeout) {
        super(store, service);
        this.dump = dump;
        this.superuser = superuser;
        this.timeout = timeout;
    }

    @Override
    public List<String> load(ServiceStack stack) throws Exception {
        // psql connects through the container's local socket as the drill's superuser (trusted there, as in the
        // official image), to the maintenance database; the dump's \connect lines switch databases.
        List<String> psql = List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-U", superuser, "-d", "postgres");
        RestoreProgress progress;
        int exit;
        try (InputStream file = Files.newInputStream(dump);
             RestoreProgress counted = new RestoreProgress(
                     new GZIPInputStream(new BufferedInputStream(file, 1 << 16), 1 << 16), "postgres restore")) {
            progress = counted;
            exit = stack.exec(service, psql, counted, log, log, timeout);
        } catch (DockerCli.InputStreamFailedException e) {
            throw new RestoreFailedException(FailureCategory.CORRUPT_BACKUP, dump.getFileName() + " could not be read to its end ("
                    + e.getCause().getMessage() + "); psql was stopped so no partial load counts as restored. "
                    + "Take a new backup; the catalog's pre-flight shows where the file breaks.", e);
        }
        if (exit != 0) {
            throw new RestoreFailedException(FailureCategory.RESTORE_FAILURE, "psql stopped with exit code " + exit + " after "
                    + progress.summary() + " of SQL from " + dump.getFileName() + ": " + lastLines(log.toString(), 5)
                    + ". The dump does not load as it is; fix the statement psql names, or take a new backup.");
        }
        return List.of("streamed " + progress.summary() + " of SQL into psql -v ON_ERROR_STOP=1");
    }

    private static String lastLines(String text, int count) {
        List<String> lines = text.strip().lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
