package dev.restoredrill.stack;

import dev.restoredrill.outcome.SecretMasker;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * The Docker engine a drill runs on: {@code -Ddrill.docker-host=URL}, else {@code DOCKER_HOST}, else the local
 * socket. Every {@code docker} and {@code docker compose} the harness runs, and Testcontainers (ambassadors, the
 * compose project), use this one engine, so nothing of a drill lands on another.
 *
 * <p>Why tcp and unix only: Testcontainers' Docker client (docker-java, zerodep transport) speaks unix sockets and
 * tcp (with TLS from {@code DOCKER_TLS_VERIFY}/{@code DOCKER_CERT_PATH}), not ssh. An ssh-only engine is reached
 * through a forwarded socket (README "A remote drill host").
 */
public record DrillHost(URI uri, boolean explicit) {

    /** The system property that names the drill host, ahead of DOCKER_HOST. */
    public static final String PROPERTY = "drill.docker-host";
    static final String LOCAL_SOCKET = "unix:///var/run/docker.sock";
    private static final List<String> SCHEMES = List.of("unix", "tcp");

    /** The drill host this JVM was told of. */
    public static DrillHost current() {
        return of(System.getProperty(PROPERTY), System.getenv("DOCKER_HOST"));
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
        if (scheme.equals("ssh")) {
            throw new DockerUnavailableException(origin + " names an ssh:// engine (" + masked(uri) + "), which "
                    + "Testcontainers' Docker client cannot reach. Forward the engine's socket and name the "
                    + "forward instead: `ssh -NL 127.0.0.1:23750:/var/run/docker.sock USER@HOST`, then -D"
                    + PROPERTY + "=tcp://127.0.0.1:23750 with "
                    + "TESTCONTAINERS_HOST_OVERRIDE=<the drill host's address>, or give the engine a TLS port "
                    + "(README \"A remote drill host\").");
        }
        if (!SCHEMES.contains(scheme) || (scheme.equals("tcp") && (uri.getHost() == null || uri.getPort() < 0))) {
            throw new DockerUnavailableException(origin + " must be tcp://HOST:PORT (TLS with DOCKER_TLS_VERIFY=1 "
                    + "and DOCKER_CERT_PATH) or unix:///PATH; found '" + masked(uri) + "'");
        }
        return new DrillHost(uri, explicit);
    }

    /** The engine's URL with any credentials in it masked, for logs, messages and the evidence. */
    public String masked() {
        return masked(uri);
    }

    private static String masked(URI uri) {
        return SecretMasker.of(List.of()).mask(uri.toString());
    }

    /** Another machine's engine (its published ports are reached at {@link #address()}, not on localhost). */
    public boolean remote() {
        return uri.getScheme().equals("tcp") && !List.of("127.0.0.1", "localhost", "::1").contains(uri.getHost());
    }

    /** Where the engine's published ports are reached: its tcp host, or this machine for a unix socket. */
    public String address() {
        return uri.getScheme().equals("tcp") ? uri.getHost() : "localhost";
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
