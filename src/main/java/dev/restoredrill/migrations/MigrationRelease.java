package dev.restoredrill.migrations;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The migrations one Langfuse release ships: its ClickHouse migrations (golang-migrate versions) and its Prisma
 * migrations (folder names, applied in name order as Prisma does), plus where the list came from.
 *
 * @param release  e.g. {@code 3.112.0}
 * @param source   where the list was read, for messages (a pinned file or an image)
 */
public record MigrationRelease(String release, String source, List<ClickHouseMigration> clickhouse,
                               List<PrismaMigration> prisma) {

    public MigrationRelease {
        clickhouse = clickhouse.stream().sorted(Comparator.comparingLong(ClickHouseMigration::version)).toList();
        prisma = prisma.stream().sorted(Comparator.comparing(PrismaMigration::name)).toList();
    }

    /** The newest ClickHouse migration, if the release ships any. */
    public Optional<ClickHouseMigration> newestClickHouse() {
        return clickhouse.isEmpty() ? Optional.empty() : Optional.of(clickhouse.get(clickhouse.size() - 1));
    }

    public Optional<ClickHouseMigration> clickhouse(long version) {
        return clickhouse.stream().filter(m -> m.version() == version).findFirst();
    }

    /** The ClickHouse migrations after {@code version}, in order (golang-migrate's pending list). */
    public List<ClickHouseMigration> clickhouseAfter(long version) {
        return clickhouse.stream().filter(m -> m.version() > version).toList();
    }

    public Optional<PrismaMigration> newestPrisma() {
        return prisma.isEmpty() ? Optional.empty() : Optional.of(prisma.get(prisma.size() - 1));
    }

    public Set<String> prismaNames() {
        return prisma.stream().map(PrismaMigration::name).collect(Collectors.toSet());
    }
}
