package dev.restoredrill.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a drill's isolation from the engine itself ({@code docker inspect} of every container and network labelled
 * with the drill's id), never from the compose files: what runs is what counts.
 */
public final class IsolationInspector {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private IsolationInspector() {
    }

    public static IsolationFacts inspect(DrillId id) {
        String version = DockerCli.require(TIMEOUT, "version", "--format", "{{.Server.Version}}").strip();
        String address = DockerEngine.endpoint(); // DrillHost masks its credentials
        List<IsolationFacts.Network> networks = new ArrayList<>();
        for (JsonNode network : inspectAll("network", "ls", DrillLabels.COMPOSE_PROJECT + "=" + id.value())) {
            networks.add(new IsolationFacts.Network(network.path("Name").asText(),
                    network.path("Internal").asBoolean(false)));
        }
        List<IsolationFacts.Container> containers = new ArrayList<>();
        for (JsonNode container : inspectAll("container", "ps", DrillLabels.DRILL + "=" + id.value())) {
            containers.add(container(container));
        }
        return new IsolationFacts(version, address, networks, containers);
    }

    /** One container's view, from its {@code docker inspect} JSON. */
    static IsolationFacts.Container container(JsonNode inspect) {
        JsonNode labels = inspect.path("Config").path("Labels");
        List<String> binds = new ArrayList<>();
        for (JsonNode mount : inspect.path("Mounts")) {
            if ("bind".equals(mount.path("Type").asText())) {
                binds.add(mount.path("Source").asText() + " -> " + mount.path("Destination").asText());
            }
        }
        List<String> published = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> ports = inspect.path("NetworkSettings").path("Ports").fields();
        while (ports.hasNext()) {
            Map.Entry<String, JsonNode> port = ports.next();
            for (JsonNode binding : port.getValue()) {
                if (!binding.path("HostPort").asText("").isEmpty()) {
                    published.add(binding.path("HostIp").asText("") + ":" + binding.path("HostPort").asText()
                            + " -> " + port.getKey());
                }
            }
        }
        List<String> attached = new ArrayList<>();
        inspect.path("NetworkSettings").path("Networks").fieldNames().forEachRemaining(attached::add);
        return new IsolationFacts.Container(inspect.path("Name").asText().replaceFirst("^/", ""),
                labels.path("com.docker.compose.service").asText(""),
                HarnessRole.of(labels.path(HarnessRole.LABEL).asText("")), binds, published, attached);
    }

    private static List<JsonNode> inspectAll(String kind, String list, String label) {
        List<String> ids = DockerCli.require(TIMEOUT, kind, list, "-q" + (kind.equals("container") ? "a" : ""),
                "--filter", "label=" + label).lines().filter(line -> !line.isBlank()).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of(kind, "inspect"));
        args.addAll(ids);
        DockerCli.Result result = DockerCli.run(TIMEOUT, Map.of(), args);
        if (!result.ok() && !onlyVanished(result.stderr())) {
            throw new IllegalStateException("`docker " + String.join(" ", args) + "` exited " + result.exitCode()
                    + ": " + result.stderr().strip());
        }
        try {
            List<JsonNode> nodes = new ArrayList<>();
            JSON.readTree(result.stdout().isBlank() ? "[]" : result.stdout()).forEach(nodes::add);
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException("`docker " + kind + " inspect` printed no JSON", e);
        }
    }

    /**
     * Whether inspect failed only for what was removed between the listing and the inspection (a probe's
     * {@code --rm} container that just ended): gone, it can no longer breach the drill's isolation.
     */
    static boolean onlyVanished(String stderr) {
        List<String> lines = stderr.lines().filter(line -> !line.isBlank()).toList();
        return !lines.isEmpty() && lines.stream().allMatch(line -> line.matches(
                "Error(: | response from daemon: )No such (container|network|object): \\S+"));
    }
}
