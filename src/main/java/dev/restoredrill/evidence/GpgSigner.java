package dev.restoredrill.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A detached, ASCII-armored GnuPG signature ({@code gpg --detach-sign --armor}), made by the real {@code gpg}
 * (Debian's gnupg). The key must be usable without a prompt (an agent holding it, or no passphrase): the drill runs
 * unattended. An auditor checks it with {@code gpg --verify SHA256SUMS.asc SHA256SUMS}.
 */
public final class GpgSigner {
    private static final long TIMEOUT_SECONDS = 60;

    private final String keyId;
    private final Optional<String> gnupgHome;

    public GpgSigner(String keyId, Optional<String> gnupgHome) {
        this.keyId = keyId;
        this.gnupgHome = gnupgHome;
    }

    /** Writes {@code <file>.asc} next to {@code file}. */
    public Path sign(Path file) {
        Path signature = file.resolveSibling(file.getFileName() + ".asc");
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--yes", "--no-tty", "--pinentry-mode",
                "error", "--local-user", keyId, "--armor", "--output", signature.toString(), "--detach-sign",
                file.toString()));
        run(command, "sign " + file + " with key " + keyId);
        return signature;
    }

    /** {@code gpg --verify}: true when the signature is good for the file. */
    public static boolean verify(Path signature, Path file, Optional<String> gnupgHome) {
        try {
            ProcessBuilder builder = new ProcessBuilder("gpg", "--batch", "--verify", signature.toString(),
                    file.toString()).redirectErrorStream(true);
            gnupgHome.ifPresent(home -> builder.environment().put("GNUPGHOME", home));
            Process process = builder.start();
            process.getInputStream().readAllBytes();
            return process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run(List<String> command, String what) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            gnupgHome.ifPresent(home -> builder.environment().put("GNUPGHOME", home));
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new EvidenceException("gpg did not " + what + " within " + TIMEOUT_SECONDS + " s.");
            }
            if (process.exitValue() != 0) {
                throw new EvidenceException("gpg could not " + what + " (exit " + process.exitValue() + "): " + output
                        + ". Check -Ddrill.gpg-key names a secret key in `gpg --list-secret-keys`"
                        + gnupgHome.map(h -> " (GNUPGHOME " + h + ")").orElse("")
                        + " that signs without a passphrase prompt (gpg-agent holding it).");
            }
        } catch (IOException e) {
            throw new EvidenceException("Cannot run gpg to " + what + ": " + e + ". Install it with `apt-get install"
                    + " gnupg`, or leave -Ddrill.gpg-key unset to skip the signature.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvidenceException("Interrupted while gpg tried to " + what + ".", e);
        }
    }
}
