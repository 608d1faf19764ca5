package dev.restoredrill.verify;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** LibreChat's database in the restored MongoDB, opened for one query and closed again. */
final class RestoredLibreChat {
    private RestoredLibreChat() {
    }

    /** Runs {@code query} on the database the connection string names (LibreChat's when it names none). */
    static <T> T query(StoreConnections stores, Function<MongoDatabase, T> query) {
        ConnectionString uri = new ConnectionString(stores.mongo().connectionString());
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(uri)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS)).build();
        String database = uri.getDatabase() == null ? BackupConversation.DATABASE : uri.getDatabase();
        try (MongoClient client = MongoClients.create(settings)) {
            return query.apply(client.getDatabase(database));
        }
    }
}
