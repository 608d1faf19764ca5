package dev.restoredrill.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The migration lists of the Langfuse releases the project pins, kept as data files next to the reference
 * stand-in that applies them ({@code compose/reference/langfuse-standin/migrations/<release>/clickhouse.txt} and
 * {@code prisma.txt}; each file names its upstream source). Used where no real Langfuse image can be read: by the
 * generator, which records a release's real migrations in the sets it writes, and by the drill on the reference
 * stack.
 */
public final class PinnedMigrations {

    /** Relative to the project directory, where the harness runs. */
    public static final Path DIRECTORY = Path.of("compose/reference/langfuse-standin/migrations");
    /** The LiteLLM proxy's lists (Prisma only), next to its reference stand-in. */
    public static final Path LITELLM_DIRECTORY = Path.of("compose/reference/litellm-standin/migrations");

    private final Path directory;

    public PinnedMigrations(Path directory) {
        this.directory = directory;
    }

    public static PinnedMigrations project() {
        return new PinnedMigrations(DIRECTORY);
    }

    /** The LiteLLM releases' lists: {@code <release>/prisma.txt} only (the gateway keeps nothing in ClickHouse). */
    public static PinnedMigrations litellm() {
        return new PinnedMigrations(LITELLM_DIRECTORY);
    }

    /** The releases that have a pinned list. */
    public List<String> releases() {
        try (var entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the pinned Langfuse migration lists in " + directory, e);
        }
    }

    public MigrationRelease load(String release) {
        Path folder = directory.resolve(release);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("No pinned migration list for release " + release + " in " + directory
                    + " (there are lists for " + (Files.isDirectory(directory) ? releases() : List.of()) + "). "
                    + "Add <release>/clickhouse.txt and prisma.txt from that release's tag "
                    + "(see the README next to them), or pin a release that has one.");
        }
        List<ClickHouseMigration> clickhouse = new ArrayList<>();
        Path clickhouseList = folder.resolve("clickhouse.txt");
        for (String[] fields : Files.isRegularFile(clickhouseList) ? rows(clickhouseList) : List.<String[]>of()) {
            ClickHouseMigration migration = ClickHouseMigration.fromFileName(fields[1]);
            if (migration.version() != Long.parseLong(fields[0])) {
                throw new IllegalArgumentException(folder.resolve("clickhouse.txt") + ": version " + fields[0]
                        + " does not match the file name " + fields[1]);
            }
            clickhouse.add(migration);
        }
        List<PrismaMigration> prisma = new ArrayList<>();
        for (String[] fields : rows(folder.resolve("prisma.txt"))) {
            prisma.add(new PrismaMigration(fields[0], Optional.of(fields[1])));
        }
        return new MigrationRelease(release, "pinned list " + folder, clickhouse, prisma);
    }

    /** The file's data lines, each two tab-separated fields; '#' lines are comments. */
    private static List<String[]> rows(Path file) {
        try {
            List<String[]> rows = new ArrayList<>();
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
                    throw new IllegalArgumentException(file + " line " + number + ": expected two tab-separated "
                            + "fields, found '" + line + "'");
                }
                rows.add(fields);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the pinned migration list " + file, e);
        }
    }
}
