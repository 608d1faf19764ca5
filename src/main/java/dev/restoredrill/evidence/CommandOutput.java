package dev.restoredrill.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a short probe command (git, docker) and returns its trimmed output, or empty if it failed or hung. */
final class CommandOutput {
    private static final long TIMEOUT_SECONDS = 20;

    private CommandOutput() {}

    static Optional<String> of(String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
            if (command[0].equals("docker")) { // the drill host's engine, as for the drill itself
                builder.environment().putAll(dev.restoredrill.stack.DrillHost.current().cliEnvironment());
            }
            Process process = builder.start();
            process.getOutputStream().close();
            // Probe outputs are a few lines: reading them whole is fine.
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String text = new String(output, StandardCharsets.UTF_8).trim();
            return process.exitValue() == 0 && !text.isEmpty() ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
