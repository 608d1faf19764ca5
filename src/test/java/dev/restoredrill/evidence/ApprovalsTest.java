package dev.restoredrill.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalsTest {

    @Test
    void approvalsAreAppendedAndReferToTheSealedFilesWhichStayUntouched(@TempDir Path dir) throws Exception {
        Path folder = SealedFolder.write(dir.resolve("2026-Q4"));
        Sha256Sums.write(folder);
        byte[] evidence = Files.readAllBytes(folder.resolve("evidence.json"));
        String sumsHash = SealedFolder.run(folder, "sha256sum", "SHA256SUMS").output().substring(0, 64);

        Approvals.append(folder, "Dana Ops", Instant.parse("2026-12-01T09:30:00.123Z"));
        Approvals.append(folder, "Sam Auditor", Instant.parse("2026-12-02T14:00:00Z"));

        assertThat(Files.readAllLines(folder.resolve("approvals.txt"))).containsExactly(
                "2026-12-01T09:30:00Z\tapproved-by=Dana Ops\tSHA256SUMS-sha256=" + sumsHash,
                "2026-12-02T14:00:00Z\tapproved-by=Sam Auditor\tSHA256SUMS-sha256=" + sumsHash);
        assertThat(Files.readAllBytes(folder.resolve("evidence.json"))).isEqualTo(evidence);
        assertThat(SealedFolder.run(folder, "sha256sum", "-c", "--strict", "SHA256SUMS").exit()).isZero();
    }

    @Test
    void aFolderThatNoLongerMatchesItsSumsIsNotApproved(@TempDir Path dir) throws Exception {
        Path folder = SealedFolder.write(dir.resolve("2026-Q4"));
        Sha256Sums.write(folder);
        SealedFolder.flipOneByte(folder.resolve("summary.md"), 10);

        assertThatThrownBy(() -> Approvals.append(folder, "Dana Ops", Instant.now()))
                .isInstanceOf(EvidenceException.class).hasMessageContaining("no longer matches its SHA256SUMS")
                .hasMessageContaining("summary.md");
        assertThat(folder.resolve("approvals.txt")).doesNotExist();
    }

    @Test
    void aFolderWithoutSumsOrANameThatIsNoNameIsRefused(@TempDir Path dir) throws Exception {
        Path folder = SealedFolder.write(dir.resolve("2026-Q4"));
        assertThatThrownBy(() -> Approvals.append(folder, "Dana Ops", Instant.now()))
                .hasMessageContaining("No SHA256SUMS in");
        Sha256Sums.write(folder);
        assertThatThrownBy(() -> Approvals.append(folder, "Dana\tOps\nFAKE", Instant.now()))
                .hasMessageContaining("Expected the approver's name");
    }

    @Test
    void theScriptAppendsAnApproval(@TempDir Path dir) throws Exception {
        Path folder = SealedFolder.write(dir.resolve("2026-Q4"));
        Sha256Sums.write(folder);
        Path classes = Path.of("target/classes").toAbsolutePath();

        SealedFolder.Result approved = SealedFolder.run(Path.of("").toAbsolutePath(), "bash", "scripts/approve.sh",
                folder.toString(), "Dana Ops");

        assertThat(approved.exit()).as(approved.output()).isZero();
        assertThat(approved.output()).contains("approved-by=Dana Ops");
        List<String> lines = Files.readAllLines(folder.resolve("approvals.txt"));
        assertThat(lines).hasSize(1);
        assertThat(classes).isDirectory();
    }
}
