package dev.restoredrill.stack;

import dev.restoredrill.outcome.SecretMasker;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the drill host's engine is, asked once per engine before any container work, with {@code docker version}
 * (the CLI handles TLS and API negotiation exactly as for the drill itself). A fault ends the drill with one line
 * that names the host (credentials masked) and says what to do: an engine that refuses the connection, a TLS
 * mismatch, or an engine older than the drill supports.
 */
public final class EngineCheck {

    /**
     * The oldest engine API the drill is tested on: Docker 20.10 (API 1.41, Debian 12's docker.io) with compose
     * 2.40. Compose v2 negotiates the API version downwards without a documented floor (docker/compose#13371), so
     * the floor is what was seen working, not a guess of what might.
     */
    public static final ApiVersion MIN_API = ApiVersion.parse("1.41");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Map<DrillHost, Engine> CHECKED = new ConcurrentHashMap<>();

    /** An engine that answered: its release and API version. */
    public record Engine(String version, ApiVersion api) {
    }

    /** A {@code major.minor} engine API version, compared numerically (1.9 < 1.41). */
    public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
        public static ApiVersion parse(String text) {
            String[] parts = text.strip().split("\\.");
            try {
                return new ApiVersion(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an API version: '" + text + "'", e);
            }
        }

        @Override
        public int compareTo(ApiVersion other) {
            return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
        }

        @Override
        public String toString() {
            return major + "." + minor;
        }
    }

    private EngineCheck() {
    }

    /** The drill host's engine, checked (once per JVM and host); throws {@link DockerUnavailableException}. */
    public static Engine require(DrillHost host) {
        return CHECKED.computeIfAbsent(host, EngineCheck::check);
    }

    static Engine check(DrillHost host) {
        return check(host, Map.of());
    }

    /** {@code environment}: more for the CLI (TLS settings in tests); DOCKER_HOST is always this host's. */
    static Engine check(DrillHost host, Map<String, String> environment) {
        String reason = DockerEngine.connectionFailure(host, Duration.ofSeconds(5));
        if (reason != null) {
            throw new DockerUnavailableException(reason + ". " + (host.explicit() || !host.uri().getScheme()
                    .equals("unix") ? "Check the address and port, that dockerd listens there (-H tcp://0.0.0.0:2376 "
                    + "--tlsverify …) and that no firewall drops the port" : "Start it (as root: `dockerd &`), or run "
                    + "`bash .ci/run`, which installs and starts it") + ".");
        }
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("DOCKER_HOST", host.uri().toString());
        DockerCli.Result result = DockerCli.run(TIMEOUT, env, List.of("version", "--format",
                "{{.Server.Version}} {{.Server.APIVersion}}"));
        if (!result.ok() || result.stdout().isBlank()) {
            throw new DockerUnavailableException(SecretMasker.of(List.of()).mask(explain(host,
                    firstLine(result.stderr()))));
        }
        String[] answer = result.stdout().strip().split("\\s+");
        Engine engine = new Engine(answer[0], ApiVersion.parse(answer[answer.length - 1]));
        if (engine.api().compareTo(MIN_API) < 0) {
            throw new DockerUnavailableException("the drill host " + host.masked() + " runs Docker " + engine.version()
                    + " (API " + engine.api() + "), older than the drill supports (API " + MIN_API + ", Docker 20.10, "
                    + "with compose v2). Upgrade its engine, or name a newer drill host with -D" + DrillHost.PROPERTY
                    + ".");
        }
        return engine;
    }

    /** One line for a failed {@code docker version}: what went wrong with the drill host and what to do. */
    static String explain(DrillHost host, String error) {
        String lower = error.toLowerCase(Locale.ROOT);
        String where = "the drill host " + host.masked();
        if (lower.contains("http request to an https server")) {
            return where + " speaks TLS, but the client does not: export DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH "
                    + "(ca.pem, cert.pem, key.pem) (" + error + ")";
        }
        if (lower.contains("http response to https client")) {
            return where + " does not speak TLS, but DOCKER_TLS_VERIFY is set: name the engine's TLS port, or give "
                    + "the engine --tlsverify and its certificates (" + error + ")";
        }
        if (lower.contains("x509") || lower.contains("tls") || lower.contains("certificate") || lower.contains(".pem")) {
            return "TLS with " + where + " failed: " + error + ". Check DOCKER_CERT_PATH (ca.pem = the engine's CA, "
                    + "cert.pem/key.pem = a client certificate that CA issued), that the address matches the "
                    + "engine certificate's names, and DOCKER_TLS_VERIFY=1.";
        }
        if (lower.contains("is too new") || lower.contains("minimum supported api version")) {
            return where + " cannot serve this docker client (" + error + "); upgrade the drill host's engine to "
                    + "Docker 20.10 or newer.";
        }
        if (lower.contains("permission denied")) {
            return where + " refused this user (" + error + "); run the drill as a user of the docker group or "
                    + "root.";
        }
        return "`docker version` against " + where + " failed: " + (error.isBlank() ? "no output" : error)
                + ". Check that dockerd runs there and the address is right.";
    }

    private static String firstLine(String text) {
        return text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    }
}
