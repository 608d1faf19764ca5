package dev.restoredrill.reference.langfuse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Langfuse release this image stands in for: its real migration lists (names, versions, Prisma checksums;
 * copied from the project's pinned lists at build time) and, for the migrations the stand-in can apply, a statement
 * file of the project's own that changes the schema as the real migration does, in a dialect the reference
 * servers accept (README.md). A migration without such a file is never recorded as applied.
 */
record Release(String version, List<ClickHouseMigration> clickhouse, List<PrismaMigration> prisma, Path equivalents) {

    record ClickHouseMigration(long version, String name) {
    }

    record PrismaMigration(String name, String checksum) {
    }

    static Release load(Path home) throws IOException {
        String version = Files.readString(home.resolve("RELEASE"), StandardCharsets.UTF_8).strip();
        List<ClickHouseMigration> clickhouse = new ArrayList<>();
        Path clickhouseList = home.resolve("migrations/clickhouse.txt"); // none for an app without ClickHouse (LiteLLM)
        for (String[] row : Files.isRegularFile(clickhouseList) ? rows(clickhouseList) : List.<String[]>of()) {
            clickhouse.add(new ClickHouseMigration(Long.parseLong(row[0]), row[1]));
        }
        List<PrismaMigration> prisma = new ArrayList<>();
        for (String[] row : rows(home.resolve("migrations/prisma.txt"))) {
            prisma.add(new PrismaMigration(row[0], row[1]));
        }
        prisma.sort((a, b) -> a.name().compareTo(b.name())); // Prisma applies folders in name order
        return new Release(version, List.copyOf(clickhouse), List.copyOf(prisma), home.resolve("equivalents"));
    }

    Optional<ClickHouseMigration> clickhouse(long version) {
        return clickhouse.stream().filter(m -> m.version() == version).findFirst();
    }

    /** The statements standing in for a migration, or empty when the stand-in has none for it. */
    Optional<List<String>> equivalent(String kind, String name) throws IOException {
        Path file = equivalents.resolve(kind).resolve(name + ".sql");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        List<String> statements = new ArrayList<>();
        for (String statement : text.split(";\\s*(\\n|$)")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return Optional.of(statements);
    }

    private static List<String[]> rows(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(line.split("\t", 2));
            }
        }
        return rows;
    }
}
