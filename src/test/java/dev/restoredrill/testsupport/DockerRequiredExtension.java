package dev.restoredrill.testsupport;

import dev.restoredrill.stack.DockerEngine;
import dev.restoredrill.stack.DockerUnavailableException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Probes the engine once per JVM; every later class gets the same answer without waiting again. Once the engine
 * answers, starts the {@link LeftoverGuard} for the whole run: JUnit closes it after the last test class, and the
 * run fails if the container tests left anything of theirs on the engine.
 */
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
        context.getRoot().getStore(ExtensionContext.Namespace.create(LeftoverGuard.class))
                .computeIfAbsent(LeftoverGuard.class, key -> LeftoverGuard.start(), LeftoverGuard.class);
    }
}
