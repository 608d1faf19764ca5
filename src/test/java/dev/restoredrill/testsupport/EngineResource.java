package dev.restoredrill.testsupport;

import java.util.Map;

/** A container, volume or network on the Docker engine, with what a reader needs to recognise it. */
public record EngineResource(Kind kind, String id, String name, String image, Map<String, String> labels) {

    public enum Kind {
        CONTAINER("docker rm -f -v"), VOLUME("docker volume rm"), NETWORK("docker network rm");

        private final String removeCommand;

        Kind(String removeCommand) {
            this.removeCommand = removeCommand;
        }

        public String removeCommand() {
            return removeCommand;
        }

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public EngineResource {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public static EngineResource volume(String name, Map<String, String> labels) {
        return new EngineResource(Kind.VOLUME, name, name, null, labels);
    }

    public static EngineResource container(String id, String name, String image, Map<String, String> labels) {
        return new EngineResource(Kind.CONTAINER, id, name, image, labels);
    }

    public static EngineResource network(String id, String name, Map<String, String> labels) {
        return new EngineResource(Kind.NETWORK, id, name, null, labels);
    }

    /** How the resource is named in a message: a volume by its name, the others by name and short id. */
    public String displayName() {
        String shortId = id.length() > 12 ? id.substring(0, 12) : id;
        return kind == Kind.VOLUME ? name : name + " (" + shortId + ")";
    }
}
