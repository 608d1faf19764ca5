package dev.restoredrill.drill;

import dev.restoredrill.evidence.DrillEvidence;
import dev.restoredrill.evidence.EvidenceJson;
import dev.restoredrill.evidence.StoreOutcome;
import dev.restoredrill.generate.GeneratedBackups;
import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.stack.LeftoverReaper;
import dev.restoredrill.testsupport.InterruptibleChild;
import dev.restoredrill.testsupport.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C on a drill after its restores: the drill still leaves a report, red, saying where it was cut short and
 * keeping what ran (the restores), and nothing of its stack.
 */
@RequiresDocker
class InterruptedDrillReportIT {

    @TempDir
    Path temp;

    @Test
    void aDrillStoppedWithCtrlCReportsWhatRanAndThatItWasInterrupted() throws Exception {
        Path backups = GeneratedBackups.small().directory();
        Path scenario = Files.writeString(temp.resolve("interrupted.yml"), """
                name: interrupted
                stores: [postgres]
                stack:
                  compose_files: [compose/platform.yml, compose/drill.override.yml]
                  startup_timeout: 3m
                """);
        Path reports = temp.resolve("reports");
        String drillId;
        Integer exit;
        try (InterruptibleChild drill = InterruptibleChild.start(DrillUntilInterrupted.class, scenario.toString(),
                backups.toString(), reports.toString(), temp.resolve("work").toString())) {
            drillId = drill.awaitLine("DRILL-ID ");
            assertThat(drillId).as("the drill restored; its output:\n" + drill.output()).isNotNull();
            exit = drill.interrupt(Duration.ofMinutes(3));
        }
        assertThat(exit).as("the drill ended within 3 minutes of SIGINT, by the signal").isEqualTo(128 + 2);
        assertThat(LeftoverReaper.remaining(drillId)).as("resources left after Ctrl-C").isEmpty();

        List<Path> evidence;
        try (Stream<Path> files = Files.walk(reports)) {
            evidence = files.filter(f -> f.getFileName().toString().equals("evidence.json")).toList();
        }
        assertThat(evidence).as("one report, written after the Ctrl-C").hasSize(1);
        Path folder = evidence.get(0).getParent();
        DrillEvidence written = EvidenceJson.read(Files.readString(evidence.get(0), StandardCharsets.UTF_8));
        assertThat(written.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(written.failures()).filteredOn(f -> f.category() == FailureCategory.DRILL_ERROR)
                .extracting(Failure::message).anySatisfy(m -> assertThat(m)
                        .contains("the drill was interrupted (SIGINT", "after the restores and the platform's start",
                                "Run the drill again"));
        // What ran before the Ctrl-C stays in the record: postgres was restored.
        assertThat(written.stores()).extracting(StoreOutcome::store).containsExactly("postgres");
        assertThat(written.stores().get(0).restoreTime()).isPositive();
        assertThat(Files.readString(folder.resolve("summary.md"))).contains("the drill was interrupted");
        assertThat(Files.readString(folder.resolve("SHA256SUMS"))).contains("evidence.json", "summary.md");
    }
}
