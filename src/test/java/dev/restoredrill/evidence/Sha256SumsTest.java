package dev.restoredrill.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SHA256SUMS checked with the auditor's own tool, GNU {@code sha256sum -c}, not with this code. */
class Sha256SumsTest {

    @Test
    void sha256sumCheckPassesOnAFreshFolderAndFailsAfterOneChangedByte(@TempDir Path dir) throws Exception {
        Path folder = SealedFolder.write(dir.resolve("2026-Q4"));

        assertThat(Sha256Sums.write(folder)).isEqualTo(4);
        assertThat(Files.readString(folder.resolve("SHA256SUMS"))).contains("  allure-results/0a1b-attachment.png\n",
                "  evidence.json\n", "  summary.md\n").doesNotContain("SHA256SUMS");
        SealedFolder.Result fresh = SealedFolder.run(folder, "sha256sum", "-c", "--strict", "SHA256SUMS");
        assertThat(fresh.exit()).as(fresh.output()).isZero();
        assertThat(fresh.output()).contains("evidence.json: OK", "allure-results/0a1b-attachment.png: OK");
        assertThat(Sha256Sums.mismatches(folder)).isEmpty();

        SealedFolder.flipOneByte(folder.resolve("evidence.json"), 3);

        SealedFolder.Result tampered = SealedFolder.run(folder, "sha256sum", "-c", "SHA256SUMS");
        assertThat(tampered.exit()).isNotZero();
        assertThat(tampered.output()).contains("evidence.json: FAILED", "summary.md: OK");
        assertThat(Sha256Sums.mismatches(folder)).containsExactly("evidence.json");
    }

    @Test
    void aNameSha256sumMustEscapeIsWrittenSoItStillChecks(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("r"));
        Files.writeString(folder.resolve("back\\slash.txt"), "x");

        Sha256Sums.write(folder);

        assertThat(Files.readString(folder.resolve("SHA256SUMS"))).startsWith("\\");
        assertThat(SealedFolder.run(folder, "sha256sum", "-c", "SHA256SUMS").exit()).isZero();
    }
}
