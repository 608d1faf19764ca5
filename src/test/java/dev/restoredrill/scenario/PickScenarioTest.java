package dev.restoredrill.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restoredrill.backup.BackupPick;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backups.pick} and {@code backups.max_skew}, and the {@code -Ddrill.pick} / {@code -Ddrill.pick-seed} overrides. */
class PickScenarioTest {

    @TempDir
    Path dir;

    private static final String OLDER_NIGHTS = """
            name: older-nights
            backups:
              directory: ./backups
              pick: random-within:30d
              max_skew: 2h
            stores: [postgres, mongodb]
            """;

    @Test
    void theShippedScenariosRestoreTheNewestAndJudgeNoSkew() {
        DrillPlan plan = new ScenarioLoader(Map.of()).read(Path.of("drill-scenarios/quarterly.yml"));

        assertThat(plan.backups().pick()).isEqualTo(new BackupPick.Newest());
        assertThat(plan.backups().maxSkew()).isEmpty();
    }

    @Test
    void aScenarioPicksARandomNightWithADrawnSeedAndSetsItsLargestSkew() throws IOException {
        DrillPlan plan = new ScenarioLoader(Map.of()).read(write("older.yml", OLDER_NIGHTS));

        assertThat(plan.backups().pick()).isInstanceOfSatisfying(BackupPick.RandomWithin.class, random -> {
            assertThat(random.days()).isEqualTo(30);
            assertThat(random.seedGiven()).isFalse();
        });
        assertThat(plan.backups().maxSkew()).contains(Duration.ofHours(2));
    }

    @Test
    void theCommandLineOverridesThePickAndReplaysASeed() throws IOException {
        Path file = write("older.yml", OLDER_NIGHTS);

        DrillPlan replay = new ScenarioLoader(Map.of(BackupPick.SEED_PROPERTY, "42")).read(file);
        assertThat(replay.backups().pick()).isEqualTo(new BackupPick.RandomWithin(30, 42, true));
        DrillPlan onDate = new ScenarioLoader(Map.of(BackupPick.PROPERTY, "date:2026-05-12")).read(file);
        assertThat(onDate.backups().pick()).isEqualTo(new BackupPick.OnDate(LocalDate.parse("2026-05-12")));
        assertThatThrownBy(() -> new ScenarioLoader(Map.of(BackupPick.PROPERTY, "oldest")).read(file))
                .hasMessage("-Ddrill.pick: expected " + BackupPick.FORMS + ", found 'oldest'");
    }

    @Test
    void aBadPickOrSkewInTheFileNamesItsLineAndField() throws IOException {
        Path pick = write("bad-pick.yml", """
                name: bad-pick
                backups:
                  pick: date:2026-13-01
                stores: [postgres]
                """);
        assertThatThrownBy(() -> new ScenarioLoader(Map.of()).read(pick)).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(pick + ":3:9: field 'backups.pick': expected a date YYYY-MM-DD after 'date:',"
                        + " found '2026-13-01'");
        Path skew = write("bad-skew.yml", """
                name: bad-skew
                backups:
                  max_skew: soon
                stores: [postgres]
                """);
        assertThatThrownBy(() -> new ScenarioLoader(Map.of()).read(skew)).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(skew + ":3:13: field 'backups.max_skew': expected a duration");
        Path unknown = write("unknown.yml", """
                name: unknown
                backups:
                  pick_seed: 3
                stores: [postgres]
                """);
        assertThatThrownBy(() -> new ScenarioLoader(Map.of()).read(unknown)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("pick_seed");
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }
}
