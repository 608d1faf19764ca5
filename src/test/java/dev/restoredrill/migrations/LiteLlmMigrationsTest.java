package dev.restoredrill.migrations;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The LiteLLM proxy's pinned Prisma lists, against the image pins they stand for and the stand-in's equivalents. */
class LiteLlmMigrationsTest {

    private final PinnedMigrations pinned = PinnedMigrations.litellm();

    @Test
    void thePlatformsAndTheCandidatesReleasesHaveLists() throws IOException {
        assertThat(LangfusePins.platformGatewayRelease()).isEqualTo("v1.74.9-stable");
        assertThat(Files.readString(Path.of("drill-scenarios/post-migration.yml")))
                .contains("ghcr.io/berriai/litellm:v1.77.7-stable");
        assertThat(pinned.releases()).containsExactly("v1.74.9-stable", "v1.77.7-stable");
    }

    @Test
    void theCandidateAddsSevenMigrationsEachWithItsChecksumAndAnEquivalent() {
        MigrationRelease platform = pinned.load("v1.74.9-stable");
        MigrationRelease candidate = pinned.load("v1.77.7-stable");
        assertThat(platform.clickhouse()).isEmpty();
        assertThat(candidate.prismaNames()).containsAll(platform.prismaNames());
        List<PrismaMigration> added = candidate.prisma().stream()
                .filter(m -> !platform.prismaNames().contains(m.name())).toList();
        assertThat(added).extracting(PrismaMigration::name).containsExactly(
                "20250802162330_prompt_table", "20250806095134_rename_alias_to_server_name_mcp_table",
                "20250918083359_drop_spec_version_column_from_mcp_table", "20250926194702_unnamed_migration",
                "20250930000000_fix_mcp_server_name_column", "20251003165142_add_allowed_tools_to_mcp",
                "20251003190954_extra_headers_to_mcp_table");
        // sha256 of the stored migration.sql, e.g. the drop of spec_version (240 bytes, commit 22ada4ef).
        assertThat(added.get(2).checksum()).contains(
                "ed0d84d0e48ae306578bf19e351f6a17e49b421d4e1ef246f80fb4da74310605");
        assertThat(added).allSatisfy(m -> assertThat(Path.of("compose/reference/litellm-standin/equivalents/prisma",
                m.name() + ".sql")).isRegularFile());
    }

    @Test
    void imagesAreToldByRepositoryAndRelease() {
        assertThat(LiteLlmImage.parse("ghcr.io/berriai/litellm:v1.77.7-stable")).get()
                .extracting(LiteLlmImage::release, LiteLlmImage::standIn).containsExactly("v1.77.7-stable", false);
        assertThat(LiteLlmImage.parse("restore-drill/litellm-standin:v1.77.7-stable")).get()
                .extracting(LiteLlmImage::standIn).isEqualTo(true);
        assertThat(LiteLlmImage.parse("ghcr.io/berriai/litellm:main-latest")).isEmpty();
        assertThat(LiteLlmImage.parse("langfuse/langfuse:3.120.0")).isEmpty();
    }
}
