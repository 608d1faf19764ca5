package dev.restoredrill.reference;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;

/**
 * A MongoDB stand-in for the reference stack: mongo-java-server speaking the wire protocol, with its
 * H2 backend keeping every database in one MVStore file under the data directory, so data survives a
 * restart and a snapshot of the volume. Started as {@code MongoStandIn [mongod options]}.
 */
public final class MongoStandIn {

    private MongoStandIn() {
    }

    public static void main(String[] args) throws IOException {
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
        Files.createDirectories(options.dbPath());

        H2Backend backend = new H2Backend(options.dataFile().toString());
        // Report a server version that current drivers (mongodb-driver-sync 5.x) accept.
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        // shutdown() closes the backend, which commits and closes the MVStore: docker stop loses nothing.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mongo-standin-shutdown"));
        server.bind(options.bindIp(), options.port());
        System.err.printf("mongo-standin: listening on %s:%d, data in %s%n",
                options.bindIp(), options.port(), options.dataFile());
    }
}
