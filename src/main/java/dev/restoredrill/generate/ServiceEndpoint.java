package dev.restoredrill.generate;

/** A host and port the host machine reaches a service's port on. */
public record ServiceEndpoint(String host, int port) {
    public String httpUrl() {
        return "http://" + host + ":" + port;
    }
}
