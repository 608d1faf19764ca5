package dev.restoredrill.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A quick reachability probe of the Docker engine, done before any container work.
 *
 * <p>Why: Testcontainers retries its strategies for minutes when no engine answers; a drill (or a test run)
 * should instead stop at once with one line that says what to do.
 */
public final class DockerEngine {

    private DockerEngine() {
    }

    /** Where the engine is expected: the drill host ({@link DrillHost}), masked. */
    public static String endpoint() {
        return DrillHost.current().masked();
    }

    /** Sends {@code GET /_ping} and returns null when the engine answers OK, else why it did not. */
    public static String unreachableReason(Duration timeout) {
        return unreachableReason(DrillHost.current().uri(), timeout);
    }

    /**
     * Null when something answers HTTP at the drill host (a TLS port answers a plain request with 400, which still
     * means an engine is there: {@link EngineCheck} then asks it properly), else why nothing did.
     */
    static String connectionFailure(DrillHost host, Duration timeout) {
        try {
            String answer = ping(host.uri(), timeout);
            return answer.startsWith("HTTP/1.") ? null : "the drill host " + host.masked() + " answered '"
                    + firstLine(answer) + "', which is not a Docker engine";
        } catch (IOException | RuntimeException e) {
            return "no Docker engine answers at the drill host " + host.masked() + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        }
    }

    static String unreachableReason(URI uri, Duration timeout) {
        String endpoint = new DrillHost(uri, false).masked();
        try {
            String answer = ping(uri, timeout);
            return answer.startsWith("HTTP/1.") && answer.contains(" 200 ") ? null
                    : "the engine at " + endpoint + " answered '" + firstLine(answer) + "' to /_ping";
        } catch (IOException | RuntimeException e) {
            return "no Docker engine answers at " + endpoint + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        }
    }

    /**
     * Fails with one line that says what to do when the drill host's engine is not reachable, speaks TLS
     * differently or is too old ({@link EngineCheck}); points Testcontainers at it.
     */
    public static EngineCheck.Engine requireReachable() {
        DrillHost host = DrillHost.current().applyToTestcontainers();
        return EngineCheck.require(host);
    }

    /**
     * How many CPUs the drill host's engine has ({@code docker info}: the machine the containers run on, which for
     * a remote drill host is not the runner's), or 0 when it does not say.
     */
    public static int cpus() {
        DockerCli.Result result = DockerCli.run(Duration.ofSeconds(30), "info", "--format", "{{.NCPU}}");
        try {
            return result.ok() ? Math.max(0, Integer.parseInt(result.stdout().strip())) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String ping(URI uri, Duration timeout) throws IOException {
        byte[] request = "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        if ("unix".equals(uri.getScheme())) {
            Path socket = Path.of(uri.getPath());
            if (!Files.exists(socket)) {
                throw new IOException("socket " + socket + " does not exist");
            }
            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                 Selector selector = Selector.open()) {
                channel.write(ByteBuffer.wrap(request));
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ);
                // A hung engine accepts the connection but never answers: bound the wait.
                if (selector.select(timeout.toMillis()) == 0) {
                    throw new IOException("no answer within " + timeout.toSeconds() + " s");
                }
                ByteBuffer buffer = ByteBuffer.allocate(512);
                channel.read(buffer);
                return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
            }
        }
        SocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.getOutputStream().write(request);
            byte[] answer = socket.getInputStream().readNBytes(512);
            return new String(answer, StandardCharsets.US_ASCII);
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\r');
        return end < 0 ? text : text.substring(0, end);
    }
}
