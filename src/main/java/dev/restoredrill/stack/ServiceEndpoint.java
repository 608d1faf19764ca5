package dev.restoredrill.stack;

/** Where the harness reaches a service port of the drill stack: Testcontainers' host and an ephemeral port. */
public record ServiceEndpoint(String host, int port) {

    public String httpUrl() {
        return "http://" + host + ":" + port;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
