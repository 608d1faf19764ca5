package dev.restoredrill.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restoredrill.stack.DockerCli;
import dev.restoredrill.stack.PacedHealthcheckWait;
import dev.restoredrill.stack.ReferenceImages;
import dev.restoredrill.stack.ServiceEndpoint;
import dev.restoredrill.testsupport.RequiresDocker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/** The runbook's {@code pg_dumpall | gzip}, run in a real Postgres container: a whole dump, or a failure that says so. */
@RequiresDocker
class PostgresDumpIT {
    private static final GenericContainer<?> SERVER = new GenericContainer<>(DockerImageName.parse(ReferenceImages.POSTGRES))
            .withLabel("dev.restoredrill.owner", "postgres-dump-it")
            .withEnv("POSTGRES_USER", "platform")
            .withEnv("POSTGRES_PASSWORD", "not-used-by-the-local-socket")
            .waitingFor(new PacedHealthcheckWait().withStartupTimeout(Duration.ofMinutes(3)));

    @TempDir
    Path directory;

    @BeforeAll
    static void start() {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @Test
    void writesTheWholeClusterDumpGzipped() throws IOException {
        Path file = directory.resolve("pg_2026-05-25.sql.gz");
        PostgresDump.write(new OneContainer("platform"), file);
        String sql;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(sql).startsWith("--\n-- PostgreSQL database cluster dump\n--")
                .contains("\\connect postgres")
                .contains("-- PostgreSQL database cluster dump complete");
    }

    /** Without pipefail the pipe's status is gzip's, and a dump that failed at once would leave a valid, empty gzip. */
    @Test
    void aFailedDumpFailsWithPgDumpallsOwnWordsThoughGzipEndedWell() {
        Path file = directory.resolve("pg_2026-05-25.sql.gz");
        assertThatThrownBy(() -> PostgresDump.write(new OneContainer("nobody"), file))
                .isInstanceOf(GenerateException.class)
                .hasMessageContaining("pg_dumpall | gzip in the postgres container exited with 1")
                .hasMessageContaining("role \"nobody\" does not exist")
                .hasMessageContaining("pg_2026-05-25.sql.gz is incomplete");
    }

    /** The postgres service of a source stack, as far as a dump needs one: exec into the container, its user. */
    private record OneContainer(String user) implements SourceStack {
        @Override
        public int exec(String service, List<String> command, InputStream stdin, OutputStream stdout, OutputStream stderr) {
            List<String> args = new ArrayList<>(List.of("exec", SERVER.getContainerId()));
            args.addAll(command);
            return DockerCli.stream(Duration.ofMinutes(2), Map.of(), args, stdin, stdout, stderr);
        }

        @Override
        public String env(String service, String variable) {
            return variable.equals("POSTGRES_USER") ? user : null;
        }

        @Override
        public ServiceEndpoint endpoint(String service, int containerPort) {
            throw new UnsupportedOperationException("a dump needs no port");
        }

        @Override
        public void stopService(String service) {
            throw new UnsupportedOperationException("a dump stops nothing");
        }

        @Override
        public void startService(String service) {
            throw new UnsupportedOperationException("a dump starts nothing");
        }

        @Override
        public String volumeName(String logicalVolume) {
            throw new UnsupportedOperationException("a dump reads no volume");
        }
    }
}
