package dev.restoredrill.stack;

import dev.restoredrill.outcome.SecretMasker;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Docker engine a drill runs on: {@code -Ddrill.docker-host=URL}, else {@code DOCKER_HOST}, else the local
 * socket. Every {@code docker} and {@code docker compose} the harness runs, and Testcontainers (ambassadors, the
 * compose project), use this one engine, so nothing of a drill lands on another.
 *
 * <p>Testcontainers' Docker client (docker-java, zerodep transport) speaks unix sockets and tcp (with TLS from
 * {@code DOCKER_TLS_VERIFY}/{@code DOCKER_CERT_PATH}), not ssh: an {@code ssh://user@host[:port]} engine is reached
 * through a socket the harness forwards itself ({@link SshForward}); {@code uri} is then that local socket and
 * {@code via} the ssh URL the operator named (null otherwise).
 */
public record DrillHost(URI uri, boolean explicit, URI via) {

    /** The system property that names the drill host, ahead of DOCKER_HOST. */
    public static final String PROPERTY = "drill.docker-host";
    static final String LOCAL_SOCKET = "unix:///var/run/docker.sock";
    private static final List<String> SCHEMES = List.of("unix", "tcp", "ssh");
    private static final Map<URI, DrillHost> FORWARDED = new ConcurrentHashMap<>();

    /** A host reached directly (tcp or unix). */
    public DrillHost(URI uri, boolean explicit) {
        this(uri, explicit, null);
    }

    /**
     * The drill host this JVM was told of. An ssh:// host is forwarded on first use and stays forwarded while the
     * JVM runs (the drill's JVM; {@link SshForward} ends with it), so every caller gets one socket.
     */
    public static DrillHost current() {
        DrillHost named = of(System.getProperty(PROPERTY), System.getenv("DOCKER_HOST"));
        if (!named.ssh()) {
            return named;
        }
        requireTestcontainersSeesHost(named, System.getenv());
        return FORWARDED.computeIfAbsent(named.uri(), uri -> named.forwardedTo(SshForward.open(uri).localUri()));
    }

    /** Whether the operator named an ssh:// engine that still has to be forwarded. */
    public boolean ssh() {
        return uri.getScheme().equals("ssh");
    }

    /** This ssh host as reached through the forwarded {@code socket}: docker, compose and Testcontainers use it. */
    DrillHost forwardedTo(URI socket) {
        return new DrillHost(socket, true, uri);
    }

    /**
     * Testcontainers reaches published ports (the ambassadors', its own port checks) at the engine's host, which
     * for a unix socket is localhost, unless TESTCONTAINERS_HOST_OVERRIDE names another. Testcontainers 2.0.5 reads
     * that override from the environment only (DockerClientProviderStrategy.resolveDockerHostIpAddress), and a JVM
     * cannot set its own environment, so the operator exports it; without it the drill would wait minutes for
     * ports on the wrong machine.
     */
    static void requireTestcontainersSeesHost(DrillHost named, Map<String, String> environment) {
        String override = environment.getOrDefault("TESTCONTAINERS_HOST_OVERRIDE", "").strip();
        if (override.isEmpty()) {
            throw new DockerUnavailableException("the drill host " + named.masked() + " is reached over ssh, and its "
                    + "services on its own address: export TESTCONTAINERS_HOST_OVERRIDE=" + named.uri().getHost()
                    + " (the address this runner reaches the drill host's ports at; Testcontainers reads it from the "
                    + "environment only) and start the drill again.");
        }
    }

    /** The property wins over the environment; neither set means the local engine. */
    static DrillHost of(String property, String environment) {
        if (property != null && !property.isBlank()) {
            return parse(property.strip(), "-D" + PROPERTY, true);
        }
        if (environment != null && !environment.isBlank()) {
            return parse(environment.strip(), "DOCKER_HOST", false);
        }
        return new DrillHost(URI.create(LOCAL_SOCKET), false);
    }

    private static DrillHost parse(String value, String origin, boolean explicit) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new DockerUnavailableException(origin + " must be a URL like tcp://drill-host:2376 or "
                    + "unix:///var/run/docker.sock; found '" + SecretMasker.of(List.of()).mask(value) + "' ("
                    + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!SCHEMES.contains(scheme) || (scheme.equals("tcp") && (uri.getHost() == null || uri.getPort() < 0))
                || (scheme.equals("ssh") && (uri.getHost() == null || uri.getPath() != null && !uri.getPath().isEmpty()))) {
            throw new DockerUnavailableException(origin + " must be tcp://HOST:PORT (TLS with DOCKER_TLS_VERIFY=1 "
                    + "and DOCKER_CERT_PATH), ssh://USER@HOST[:PORT] or unix:///PATH; found '" + masked(uri) + "'");
        }
        return new DrillHost(uri, explicit);
    }

    /** The engine's URL with any credentials in it masked, for logs, messages and the evidence. */
    public String masked() {
        return masked(via == null ? uri : via);
    }

    private static String masked(URI uri) {
        return SecretMasker.of(List.of()).mask(uri.toString());
    }

    /** Another machine's engine (its published ports are reached at {@link #address()}, not on localhost). */
    public boolean remote() {
        URI named = via == null ? uri : via;
        return !named.getScheme().equals("unix")
                && !List.of("127.0.0.1", "localhost", "::1").contains(named.getHost());
    }

    /** Where the engine's published ports are reached: its tcp or ssh host, or this machine for a unix socket. */
    public String address() {
        URI named = via == null ? uri : via;
        return named.getScheme().equals("unix") ? "localhost" : named.getHost();
    }

    /**
     * What a {@code docker} or {@code docker compose} process needs to reach this engine: DOCKER_HOST when the host
     * came from the property (an exported DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH are inherited).
     */
    public Map<String, String> cliEnvironment() {
        return explicit ? Map.of("DOCKER_HOST", uri.toString()) : Map.of();
    }

    /**
     * Points Testcontainers at this engine before it first connects. docker-java reads DOCKER_HOST from the
     * environment or from a system property of that name; Testcontainers takes docker-java's host when
     * {@code dockerconfig.source=autoIgnoringUserProperties} (set in this project's testcontainers.properties;
     * see Testcontainers 2.0.5 EnvironmentAndSystemPropertyClientProviderStrategy and docker-java's
     * DefaultDockerClientConfig.createDefaultConfigBuilder). A no-op for DOCKER_HOST, which both read already.
     */
    public DrillHost applyToTestcontainers() {
        if (explicit) {
            System.setProperty("DOCKER_HOST", uri.toString());
        }
        return this;
    }

    @Override
    public String toString() {
        return masked();
    }
}
