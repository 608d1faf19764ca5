package dev.restoredrill.evidence;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the drill ran on, for the report's Environment widget (environment.properties): the harness version and
 * git commit, the host, the Docker server version, and the images the stack used with their ids or digests.
 *
 * @param images image name → id or digest
 */
public record RunEnvironment(String harnessVersion, String gitCommit, String host, String dockerServerVersion,
        Map<String, String> images) {

    static final String UNKNOWN = "unknown";

    public RunEnvironment {
        images = images == null ? Map.of() : Map.copyOf(new TreeMap<>(images));
    }

    /**
     * Probes this machine: version from the build ({@code drill.harness.version}, set by the pom), commit from
     * {@code drill.git.commit} or {@code git rev-parse HEAD}, Docker from {@code docker version}.
     *
     * @param images image name → id, as the stack stage knows them; see {@link #imageIds} to look them up
     */
    public static RunEnvironment probe(Map<String, String> images) {
        String version = System.getProperty("drill.harness.version",
                orUnknown(RunEnvironment.class.getPackage().getImplementationVersion()));
        String commit = System.getProperty("drill.git.commit",
                CommandOutput.of("git", "rev-parse", "HEAD").orElse(UNKNOWN + " (not a git checkout)"));
        String docker = CommandOutput.of("docker", "version", "--format", "{{.Server.Version}}")
                .orElse(UNKNOWN + " (docker version failed: is the engine running?)");
        return new RunEnvironment(version, commit, hostName(), docker, images);
    }

    /** Looks up each image's id and repo digests with {@code docker image inspect}. */
    public static Map<String, String> imageIds(Collection<String> imageNames) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String image : imageNames) {
            ids.put(image, CommandOutput.of("docker", "image", "inspect", "--format",
                    "{{.Id}}{{range .RepoDigests}} {{.}}{{end}}", image).orElse(UNKNOWN + " (not a local image)"));
        }
        return ids;
    }

    /** The entries of environment.properties, in a stable order. */
    public Map<String, String> asProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("harness.version", orUnknown(harnessVersion));
        properties.put("git.commit", orUnknown(gitCommit));
        properties.put("host", orUnknown(host));
        properties.put("docker.server.version", orUnknown(dockerServerVersion));
        images.forEach((image, id) -> properties.put("image." + image, id));
        return properties;
    }

    /** Java properties text: keys and values escaped so Allure reads back exactly these strings. */
    public String toPropertiesText() {
        StringBuilder text = new StringBuilder();
        asProperties().forEach((key, value) ->
                text.append(escape(key, true)).append('=').append(escape(value, false)).append('\n'));
        return text.toString();
    }

    private static String escape(String s, boolean key) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '=', ':', '#', '!' -> out.append('\\').append(c);
                case ' ' -> out.append(key ? "\\ " : " ");
                default -> {
                    if (c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", UNKNOWN);
        }
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? UNKNOWN : s;
    }
}
