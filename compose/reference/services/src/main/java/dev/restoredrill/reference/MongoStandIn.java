package dev.restoredrill.reference;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;

import java.util.Arrays;

/**
 * A MongoDB stand-in for the reference stack: mongo-java-server speaking the wire protocol, with its in-memory
 * backend. The drill restores MongoDB logically (from the mongodump archive) into a fresh service and never
 * restarts it, so nothing needs to outlive the process; the H2 (MVStore) backend used before corrupted its file
 * above a few hundred MB ("Chunk N not found"). The heap is the size limit ({@code MONGO_STANDIN_HEAP}, else 60 % of the host's memory).
 * Its collections and unique indexes ({@link StandInBackend}) answer as the library's do, with less work per document.
 * Started as {@code MongoStandIn [mongod options]}.
 */
public final class MongoStandIn {

    private MongoStandIn() {
    }

    public static void main(String[] args) {
        MongodOptions options;
        try {
            options = MongodOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("mongo-standin: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (!options.ignored().isEmpty()) {
            System.err.println("mongo-standin: ignoring mongod options it cannot honour: "
                    + String.join(" ", options.ignored()));
        }

        StandInBackend backend = new StandInBackend();
        // Report a server version that current drivers (mongodb-driver-sync 5.x) accept.
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mongo-standin-shutdown"));
        server.bind(options.bindIp(), options.port());
        System.err.printf("mongo-standin: listening on %s:%d, data in memory (max heap %d MiB; %s is not used)%n",
                options.bindIp(), options.port(), Runtime.getRuntime().maxMemory() >> 20, options.dbPath());
    }
}
