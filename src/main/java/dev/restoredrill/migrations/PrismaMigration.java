package dev.restoredrill.migrations;

import java.util.Optional;

/**
 * One Prisma migration: its folder name (what {@code _prisma_migrations.migration_name} records) and, where known,
 * the checksum Prisma records for it (sha256 hex of its {@code migration.sql}). A list read from an image's
 * folder names has no checksums.
 */
public record PrismaMigration(String name, Optional<String> checksum) {

    public PrismaMigration {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a Prisma migration needs a name");
        }
        checksum = checksum == null ? Optional.empty() : checksum;
        checksum.ifPresent(sum -> {
            if (!sum.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("the checksum of " + name + " is not 64 hex digits: '" + sum + "'");
            }
        });
    }
}
