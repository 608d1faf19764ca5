package dev.restoredrill.restore;

import dev.restoredrill.stack.DrillCredentials;
import dev.restoredrill.stack.DrillStack;
import dev.restoredrill.stack.StackDefinition;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Benchmark, not a test (bench/restore-memory-bench.sh runs it): streams one pg_dumpall .sql.gz through
 * {@link PostgresLogicalRestore} into a fresh reference postgres and prints the time, the rate and the JVM's peak
 * heap, so dumps of very different sizes can be compared under the same small -Xmx.
 *
 * <p>Usage: {@code PgRestoreBench DUMP.sql.gz WORKDIR} (run from the project root: it uses compose/).
 */
public final class PgRestoreBench {

    private PgRestoreBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PgRestoreBench DUMP.sql.gz WORKDIR");
        }
        Path dump = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]));
        DrillCredentials credentials = DrillCredentials.generate();
        try (DrillStack stack = DrillStack.create(new StackDefinition(
                List.of(Path.of("compose/platform.yml"), Path.of("compose/drill.override.yml"),
                        Path.of("compose/reference.override.yml")),
                List.of("postgres"), work, Duration.ofMinutes(3)), credentials, Clock.systemUTC())) {
            stack.start();
            stack.awaitHealthy("postgres", Duration.ofMinutes(3));
            PostgresLogicalRestore restore = new PostgresLogicalRestore("postgres", "postgres", dump,
                    credentials.postgresUser(), Duration.ofHours(2));
            long started = System.nanoTime();
            List<String> notes = restore.load(stack);
            double seconds = (System.nanoTime() - started) / 1e9;
            // What arrived: rows of every user table, per database (exact counts, so a lost section shows).
            java.io.ByteArrayOutputStream counts = new java.io.ByteArrayOutputStream();
            String perDatabase = "for d in $(psql -U " + credentials.postgresUser() + " -d postgres -Atc \"select "
                    + "datname from pg_database where not datistemplate and datname <> 'postgres' order by 1\"); do "
                    + "for t in $(psql -U " + credentials.postgresUser() + " -d \"$d\" -Atc \"select quote_ident("
                    + "schemaname)||'.'||quote_ident(relname) from pg_stat_user_tables\"); do echo \"$d.$t=$(psql -U "
                    + credentials.postgresUser() + " -d \"$d\" -Atc \"select count(*) from $t\")\"; done; done";
            stack.exec("postgres", List.of("sh", "-c", perDatabase), java.io.InputStream.nullInputStream(), counts,
                    counts, Duration.ofMinutes(10));
            notes = new java.util.ArrayList<>(notes);
            notes.add("rows: " + counts.toString().strip().replace('\n', ' '));
            System.out.printf("RESULT dump=%s compressed=%.1fMB restore=%.1fs %s peakHeap=%.1fMB maxHeap=%dMB%n",
                    dump.getFileName(), Files.size(dump) / 1e6, seconds, String.join("; ", notes),
                    peakHeapBytes() / 1e6, Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    /** Sum of the heap pools' peaks since the JVM started: an upper bound of the peak heap in use. */
    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(u -> u.getUsed()).sum();
    }
}
