package dev.restoredrill.migrations;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pinned Langfuse migration lists, against the upstream facts and against the image pins they stand for. */
class PinnedMigrationsTest {

    private final PinnedMigrations pinned = PinnedMigrations.project();

    @Test
    void release3112ShipsTheRealMigrations() {
        MigrationRelease release = pinned.load("3.112.0");
        // langfuse v3.112.0: packages/shared/clickhouse/migrations/unclustered 0001..0026, 338 Prisma folders.
        assertThat(release.clickhouse()).extracting(ClickHouseMigration::version)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 26).boxed().toList());
        assertThat(release.newestClickHouse()).get().extracting(ClickHouseMigration::name)
                .isEqualTo("0026_add_trace_id_index");
        assertThat(release.prisma()).hasSize(338);
        assertThat(release.prisma().get(0).name()).isEqualTo("20230518191501_init");
        assertThat(release.newestPrisma()).get().extracting(PrismaMigration::name)
                .isEqualTo("20250825100104_job_executions_add_input_trace_timestamp");
        assertThat(release.prisma()).allSatisfy(m -> assertThat(m.checksum()).isPresent());
    }

    @Test
    void theCandidateReleaseExtendsThePinnedOne() {
        MigrationRelease pinnedRelease = pinned.load("3.112.0");
        MigrationRelease candidate = pinned.load("3.120.0");
        assertThat(candidate.clickhouse()).startsWith(pinnedRelease.clickhouse().toArray(ClickHouseMigration[]::new));
        assertThat(candidate.clickhouseAfter(26)).extracting(ClickHouseMigration::name).containsExactly(
                "0027_drop_project_environments_mvs", "0028_drop_traces_null_mvs",
                "0029_drop_traces_null_and_amt_tables", "0030_add_eval_execution_trace_id_to_scores");
        assertThat(candidate.prismaNames()).containsAll(pinnedRelease.prismaNames()).hasSize(346);
    }

    /** Every Langfuse release an image pin names has a list, and the reference stand-ins carry the same releases. */
    @Test
    void everyPinnedLangfuseImageHasItsList() throws IOException {
        List<String> releases = new ArrayList<>();
        Pattern image = Pattern.compile("langfuse/langfuse(?:-worker)?:(\\d+\\.\\d+\\.\\d+)");
        for (Path file : List.of(Path.of("compose/platform.yml"), Path.of("drill-scenarios/post-migration.yml"))) {
            Matcher matcher = image.matcher(Files.readString(file));
            while (matcher.find()) {
                releases.add(matcher.group(1));
            }
        }
        assertThat(releases).contains(LangfusePins.platformRelease(), "3.120.0");
        assertThat(pinned.releases()).containsAll(releases);
        Matcher standIn = Pattern.compile(LangfuseImage.STAND_IN_REPOSITORY + ":(\\S+)")
                .matcher(Files.readString(Path.of("compose/reference.override.yml")));
        assertThat(standIn.find()).as("reference.override.yml runs the Langfuse stand-in").isTrue();
        assertThat(standIn.group(1)).isEqualTo(LangfusePins.platformRelease());
    }

    @Test
    void anUnpinnedReleaseIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> pinned.load("9.9.9")).hasMessageContaining("No pinned migration list for release 9.9.9")
                .hasMessageContaining("3.112.0").hasMessageContaining("clickhouse.txt and prisma.txt");
    }

    @Test
    void imageTagsNameTheirRelease() {
        assertThat(LangfuseImage.parse("langfuse/langfuse:3.112.0")).extracting(LangfuseImage::release,
                LangfuseImage::standIn).containsExactly("3.112.0", false);
        assertThat(LangfuseImage.parse("restore-drill/langfuse-standin:3.120.0").standIn()).isTrue();
        assertThatThrownBy(() -> LangfuseImage.parse("langfuse/langfuse:latest"))
                .hasMessageContaining("Pin Langfuse images by release");
    }
}
