package dev.restoredrill.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Real gpg with a throwaway key in a GnuPG home of the test's own (never the user's keyring). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GpgSignerTest {
    private static final String KEY = "restore-drill-test@example.invalid";

    @TempDir
    Path dir;
    private Path home;

    @BeforeAll
    void makeAThrowawayKey() throws Exception {
        // A short path: gpg-agent's socket path must fit in 108 bytes.
        home = Files.createTempDirectory(Path.of("/tmp"), "rdg");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        SealedFolder.Result made = gpg("--batch", "--passphrase", "", "--quick-generate-key", KEY, "ed25519",
                "sign", "1d");
        assertThat(made.exit()).as(made.output()).isZero();
    }

    @org.junit.jupiter.api.AfterAll
    void stopTheAgentAndRemoveTheHome() throws Exception {
        new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "gpg-agent").start().waitFor();
        try (var walk = Files.walk(home)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aReportWriterSignsSha256sumsAndGpgVerifyTellsATamperedFileApart() throws Exception {
        Path folder = SealedFolder.write(dir.resolve("2026-Q4"));
        Sha256Sums.write(folder);

        Path signature = new GpgSigner(KEY, Optional.of(home.toString())).sign(folder.resolve("SHA256SUMS"));

        assertThat(signature).isEqualTo(folder.resolve("SHA256SUMS.asc"));
        assertThat(Files.readString(signature)).startsWith("-----BEGIN PGP SIGNATURE-----");
        SealedFolder.Result good = gpg("--verify", signature.toString(), folder.resolve("SHA256SUMS").toString());
        assertThat(good.exit()).as(good.output()).isZero();
        assertThat(good.output()).contains("Good signature from \"" + KEY + "\"");
        // Adding the signature does not break the sums: it is written after them and not listed.
        assertThat(SealedFolder.run(folder, "sha256sum", "-c", "SHA256SUMS").exit()).isZero();

        SealedFolder.flipOneByte(folder.resolve("SHA256SUMS"), 0);
        assertThat(GpgSigner.verify(signature, folder.resolve("SHA256SUMS"), Optional.of(home.toString()))).isFalse();
    }

    @Test
    void anUnknownKeyIsAClearError() throws Exception {
        Path file = Files.writeString(dir.resolve("SHA256SUMS"), "x");

        assertThatThrownBy(() -> new GpgSigner("nobody@example.invalid", Optional.of(home.toString())).sign(file))
                .isInstanceOf(EvidenceException.class).hasMessageContaining("gpg could not sign")
                .hasMessageContaining("-Ddrill.gpg-key");
    }

    private SealedFolder.Result gpg(String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "gpg";
        command[1] = "--homedir";
        command[2] = home.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        return SealedFolder.run(home, command);
    }
}
