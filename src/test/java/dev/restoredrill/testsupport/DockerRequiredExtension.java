package dev.restoredrill.testsupport;

import dev.restoredrill.stack.DockerEngine;
import dev.restoredrill.stack.DockerUnavailableException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Probes the engine once per JVM; every later class gets the same answer without waiting again. */
public final class DockerRequiredExtension implements BeforeAllCallback {

    private static volatile String verdict;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (verdict == null) {
            try {
                DockerEngine.requireReachable();
                verdict = "";
            } catch (DockerUnavailableException e) {
                verdict = e.getMessage();
            }
        }
        if (!verdict.isEmpty()) {
            throw new DockerUnavailableException(verdict);
        }
    }
}
