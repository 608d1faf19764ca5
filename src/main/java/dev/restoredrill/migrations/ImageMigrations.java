package dev.restoredrill.migrations;

import dev.restoredrill.stack.DockerCli;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The migrations a real Langfuse image ships, read from the image itself: its web image copies
 * {@code packages/shared/clickhouse} and {@code packages/shared/prisma} into {@code /app} (langfuse/langfuse
 * {@code web/Dockerfile}) and its entrypoint applies them from there ({@code web/entrypoint.sh},
 * {@code packages/shared/clickhouse/scripts/up.sh}: {@code migrate -source file://clickhouse/migrations/unclustered}).
 * The image's entrypoint is bypassed ({@code --entrypoint ls}): nothing of Langfuse runs, nothing is pulled.
 */
public final class ImageMigrations {

    public static final String CLICKHOUSE_DIR = "/app/packages/shared/clickhouse/migrations/unclustered";
    public static final String PRISMA_DIR = "/app/packages/shared/prisma/migrations";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private ImageMigrations() {
    }

    public static MigrationRelease read(String image) {
        LangfuseImage parsed = LangfuseImage.parse(image);
        List<ClickHouseMigration> clickhouse = list(image, CLICKHOUSE_DIR).stream()
                .filter(name -> name.endsWith(".up.sql")).map(ClickHouseMigration::fromFileName).toList();
        // ls -p marks folders with '/': each Prisma migration is a folder; migration_lock.toml is not one.
        List<PrismaMigration> prisma = list(image, PRISMA_DIR).stream().filter(name -> name.endsWith("/"))
                .map(name -> new PrismaMigration(name.substring(0, name.length() - 1), Optional.empty())).toList();
        if (clickhouse.isEmpty() || prisma.isEmpty()) {
            throw new IllegalStateException("Image " + image + " ships no migrations in " + CLICKHOUSE_DIR + " or "
                    + PRISMA_DIR + "; is it a Langfuse web image (langfuse/langfuse), not the worker?");
        }
        return new MigrationRelease(parsed.release(), "image " + image, clickhouse, prisma);
    }

    private static List<String> list(String image, String directory) {
        DockerCli.Result result = DockerCli.run(TIMEOUT, "run", "--rm", "--network", "none", "--entrypoint", "ls",
                image, "-1p", directory);
        if (!result.ok()) {
            throw new IllegalStateException("Could not list the migrations in image " + image + " (" + directory
                    + "): " + result.stderr().strip() + ". The image must be local (the drill pulls nothing here).");
        }
        return result.stdout().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
