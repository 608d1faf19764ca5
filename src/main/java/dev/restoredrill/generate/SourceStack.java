package dev.restoredrill.generate;

import dev.restoredrill.stack.ServiceEndpoint;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The running source platform the generator fills and backs up, as far as the generator needs it.
 * Service names are the compose file's ({@link #POSTGRES}, {@link #MONGODB}, {@link #CLICKHOUSE},
 * {@link #MINIO}); logical volume names are the runbook's ({@code postgres-data}, ...).
 */
public interface SourceStack {
    String POSTGRES = "postgres";
    String MONGODB = "mongodb";
    String CLICKHOUSE = "clickhouse";
    String MINIO = "minio";

    /** Where the host reaches {@code containerPort} of the service; may change after a restart. */
    ServiceEndpoint endpoint(String service, int containerPort);

    /**
     * Runs a command in the service's container like {@code docker exec -i}, streaming {@code stdin}
     * (may be null) in and the output out as it comes; returns the exit code.
     */
    int exec(String service, List<String> command, InputStream stdin, OutputStream stdout, OutputStream stderr);

    /** Stops the service's container (its volume stays); returns once it has stopped. */
    void stopService(String service);

    /** Starts a stopped service; returns once it is healthy. */
    void startService(String service);

    /** The Docker volume behind a logical volume of the runbook, e.g. {@code clickhouse-data}. */
    String volumeName(String logicalVolume);

    /** A value of the service's environment as the stack set it (e.g. {@code POSTGRES_USER}), or null. */
    String env(String service, String variable);
}
