package dev.restoredrill.generate;

import dev.restoredrill.stack.ServiceEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** Creates the {@code litellm} and {@code langfuse} databases and streams rows into them with COPY. */
final class PostgresLoader implements AutoCloseable {
    private static final int COPY_BUFFER = 256 * 1024;

    private final ServiceEndpoint endpoint;
    private final String user;
    private final String password;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    PostgresLoader(ServiceEndpoint endpoint, String user, String password) {
        this.endpoint = endpoint;
        this.user = user;
        this.password = password;
    }

    void createDatabases() {
        try (Statement s = connection("postgres", 0).createStatement()) {
            s.execute("CREATE DATABASE " + LiteLlmData.DATABASE);
            s.execute("CREATE DATABASE " + LangfuseData.DATABASE);
        } catch (SQLException e) {
            throw new GenerateException("Could not create the litellm and langfuse databases in the source Postgres: "
                    + e.getMessage() + ". The generator needs an empty Postgres.", e);
        }
        runScript(LiteLlmData.DATABASE, "litellm-schema.sql");
        runScript(LangfuseData.DATABASE, "langfuse-schema.sql");
    }

    private void runScript(String database, String resource) {
        try (InputStream in = PostgresLoader.class.getResourceAsStream(resource); Statement s = connection(database, 0).createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new GenerateException("The schema " + resource + " failed in database " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * COPYs rows {@code from} (inclusive) to {@code to} (exclusive) of a table, each made on demand by
     * {@code row}, through a fixed buffer: memory stays flat however many rows. Returns the bytes sent.
     */
    long copy(CopyTable table, long from, long to, LongFunction<String> row) {
        return copy(0, table, from, to, row);
    }

    /** As {@link #copy(CopyTable, long, long, LongFunction)}, in session {@code session} of the table's database (one COPY per session at a time). */
    long copy(int session, CopyTable table, long from, long to, LongFunction<String> row) {
        if (from >= to) {
            return 0;
        }
        try {
            CopyIn copy = connection(table.database(), session).unwrap(PGConnection.class).getCopyAPI().copyIn(table.copySql());
            byte[] buffer = new byte[COPY_BUFFER];
            int used = 0;
            long bytes = 0;
            try {
                for (long i = from; i < to; i++) {
                    byte[] line = row.apply(i).getBytes(StandardCharsets.UTF_8);
                    if (used + line.length > buffer.length) {
                        copy.writeToCopy(buffer, 0, used);
                        used = 0;
                    }
                    if (line.length > buffer.length) {
                        copy.writeToCopy(line, 0, line.length);
                    } else {
                        System.arraycopy(line, 0, buffer, used, line.length);
                        used += line.length;
                    }
                    bytes += line.length;
                }
                copy.writeToCopy(buffer, 0, used);
                copy.endCopy();
                return bytes;
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new GenerateException("COPY into " + table.database() + "." + table.quotedName() + " failed: " + e.getMessage()
                    + (e.getCause() instanceof SocketTimeoutException
                            ? ": the source Postgres gave no answer for " + SourceLoader.SILENT_STORE.toMinutes() + " minutes. Its log (docker logs "
                                    + "of the postgres service) says why, e.g. a backend killed for lack of memory."
                            : ""), e);
        }
    }

    private Connection connection(String database, int session) {
        return connections.computeIfAbsent(database + "#" + session, key -> {
            String db = database;
            try {
                Properties properties = new Properties();
                properties.setProperty("user", user);
                properties.setProperty("password", password);
                // A server that stops answering (a backend killed mid-COPY, a container frozen under memory
                // pressure) must end the generator with an error, not leave it waiting for a reply for ever.
                properties.setProperty("socketTimeout", Long.toString(SourceLoader.SILENT_STORE.toSeconds()));
                properties.setProperty("tcpKeepAlive", "true");
                return DriverManager.getConnection("jdbc:postgresql://" + endpoint.host() + ":" + endpoint.port() + "/" + db, properties);
            } catch (SQLException e) {
                throw new GenerateException("Could not connect to the source Postgres at " + endpoint + " (database " + db
                        + ", user " + user + "): " + e.getMessage(), e);
            }
        });
    }

    /** Closes every session's socket at once, also under a COPY blocked writing to a server that no longer reads. */
    void abort() {
        for (Connection c : connections.values()) {
            try {
                c.abort(Runnable::run);
            } catch (SQLException ignored) {
                // the load is being stopped; its own failure is the one to report
            }
        }
    }

    @Override
    public void close() {
        for (Connection c : connections.values()) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing after the work is done: nothing left to save
            }
        }
    }
}
