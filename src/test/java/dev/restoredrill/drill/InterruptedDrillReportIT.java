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
 * Ctrl-C on a running drill: its stack goes (containers, volumes, network), and the drill still leaves a report, red,
 * saying where it was cut short and keeping what ran.
 */
@RequiresDocker
class InterruptedDrillReportIT {

    @TempDir
    Path temp;

    @Test
    void aDrillStoppedWithCtrlCAfterItsRestoresReportsThemAndThatItWasInterrupted() throws Exception {
        String drillId;
        Integer exit;
        try (InterruptibleChild drill = drill("after-restores")) {
            drillId = drill.awaitLine("DRILL-ID ");
            assertThat(drillId).as("the drill restored; its output:\n" + drill.output()).isNotNull();
            exit = drill.interrupt(Duration.ofMinutes(3));
        }
        assertThat(exit).as("the drill ended within 3 minutes of SIGINT, by the signal").isEqualTo(128 + 2);
        assertThat(LeftoverReaper.remaining(drillId)).as("resources left after Ctrl-C").isEmpty();

        Path folder = reportFolder();
        DrillEvidence written = interruptedEvidence(folder, "after the restores and the platform's start");
        // What ran before the Ctrl-C stays in the record: postgres was restored.
        assertThat(written.stores()).extracting(StoreOutcome::store).containsExactly("postgres");
        assertThat(written.stores().get(0).restoreTime()).isPositive();
        assertThat(Files.readString(folder.resolve("summary.md"))).contains("the drill was interrupted");
        assertThat(Files.readString(folder.resolve("SHA256SUMS"))).contains("evidence.json", "summary.md");
    }

    @Test
    void aDrillStoppedWithCtrlCDuringALongRestoreLetsGoOfItAndReportsThatItWasInterrupted() throws Exception {
        Integer exit;
        try (InterruptibleChild drill = drill("during-restores")) {
            assertThat(drill.awaitLine("RESTORING")).as("the drill began its restores; its output:\n"
                    + drill.output()).isNotNull();
            exit = drill.interrupt(Duration.ofMinutes(3));
        }
        assertThat(exit).as("the drill ended within 3 minutes of SIGINT, by the signal").isEqualTo(128 + 2);
        interruptedEvidence(reportFolder(), "during the restores and the platform's start");
    }

    private InterruptibleChild drill(String when) throws Exception {
        Path backups = GeneratedBackups.small().directory();
        Path scenario = Files.writeString(temp.resolve("interrupted.yml"), """
                name: interrupted
                stores: [postgres]
                stack:
                  compose_files: [compose/platform.yml, compose/drill.override.yml]
                  startup_timeout: 3m
                """);
        return InterruptibleChild.start(DrillUntilInterrupted.class, scenario.toString(), backups.toString(),
                temp.resolve("reports").toString(), temp.resolve("work").toString(), when);
    }

    /** The one report folder the drill wrote after the Ctrl-C. */
    private Path reportFolder() throws Exception {
        List<Path> evidence;
        try (Stream<Path> files = Files.walk(temp.resolve("reports"))) {
            evidence = files.filter(f -> f.getFileName().toString().equals("evidence.json")).toList();
        }
        assertThat(evidence).as("one report, written after the Ctrl-C").hasSize(1);
        return evidence.get(0).getParent();
    }

    /** The report's evidence: red, with a drill error saying when the drill was interrupted. */
    private static DrillEvidence interruptedEvidence(Path folder, String when) throws Exception {
        DrillEvidence written = EvidenceJson.read(Files.readString(folder.resolve("evidence.json"),
                StandardCharsets.UTF_8));
        assertThat(written.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(written.failures()).filteredOn(f -> f.category() == FailureCategory.DRILL_ERROR)
                .extracting(Failure::message).anySatisfy(m -> assertThat(m)
                        .contains("the drill was interrupted (SIGINT", when, "Run the drill again"));
        return written;
    }
}
