package dev.restoredrill.stack;

/** Where the harness reaches a service port of the drill stack: Testcontainers' host and an ephemeral port. */
public record ServiceEndpoint(String host, int port) {

    /**
     * How long a MongoDB client's server monitor waits for the server's answer (the driver reads it with the connect
     * timeout). The reference MongoDB stand-in holds every document in its heap, and a full collection of a few GB of
     * documents (a 5 GB backup set) stopped it for longer than the driver's default 10 s: the driver then paused its
     * connection pool and failed every operation under way ("Connection pool ... is paused because another
     * operation failed"), a dump or restore of many minutes among them. A dead server still fails them in 2 min.
     */
    private static final int MONGODB_MONITOR_TIMEOUT_MS = 120_000;

    public String httpUrl() {
        return "http://" + host + ":" + port;
    }

    /** A single MongoDB server here, as the harness's clients reach it (no replica-set discovery). */
    public String mongodbUri() {
        return "mongodb://" + host + ":" + port + "/?directConnection=true&connectTimeoutMS="
                + MONGODB_MONITOR_TIMEOUT_MS;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
