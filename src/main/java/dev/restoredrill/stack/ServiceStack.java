package dev.restoredrill.stack;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The drill stack as the restores use it: its volumes, its start, its services' health, logs, endpoints and
 * exec. {@link DrillStack} is the real one; tests of the restore logic put a plain implementation here, so
 * they need no Docker.
 */
public interface ServiceStack {

    DrillId id();

    /** The compose project's name for a volume declared as {@code logicalName} (e.g. clickhouse-data). */
    String volumeName(String logicalName);

    /** Creates a volume of this project before its service first starts; returns its name. */
    String prepareVolume(String logicalName);

    /** Starts the stack's services (those started ahead are left running); health is awaited per service. */
    void start();

    /**
     * Starts, ahead of {@link #start}, those of {@code services} that need (through compose's depends_on) none of
     * {@code waiting}, the services whose volumes are still being filled; returns the ones it started. A stack that
     * cannot start part of itself starts none, and every service starts with {@link #start}.
     */
    default List<String> startAhead(List<String> services, Set<String> waiting) {
        return List.of();
    }

    /** Returns once the service is healthy; throws {@link ServiceFailedException} when it will not be. */
    void awaitHealthy(String service, Duration timeout);

    /** The last lines of the service's log, for evidence of a failure; never throws. */
    String logTail(String service, int lines);

    /** Where the harness reaches {@code port} of {@code service}. */
    ServiceEndpoint endpoint(String service, int port);

    /** Runs a command in the service's container, streaming both ways; returns the exit code. */
    int exec(String service, List<String> command, InputStream stdin, OutputStream stdout, OutputStream stderr,
             Duration timeout);
}
