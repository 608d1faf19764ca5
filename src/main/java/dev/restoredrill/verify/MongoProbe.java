package dev.restoredrill.verify;

import dev.restoredrill.outcome.SecretMasker;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.restoredrill.scenario.MongoCheck;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;
import org.bson.json.JsonParseException;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link MongoCheck}: the number of documents matching its filter, or the newest value of its field
 * (sorted descending, one document; BSON orders dates after strings and missing values last).
 */
final class MongoProbe {

    private static final int SERVER_SELECTION_SECONDS = 10;

    private final StoreConnections.Mongo mongo;
    private final List<String> secrets;

    MongoProbe(StoreConnections.Mongo mongo, List<String> secrets) {
        this.mongo = mongo;
        this.secrets = secrets;
    }

    static String describe(MongoCheck check) {
        return check.field()
                .map(field -> check.namespace() + ".find(" + check.filter() + ").sort({\"" + field
                        + "\": -1}).limit(1)")
                .orElse(check.namespace() + ".countDocuments(" + check.filter() + ")");
    }

    Measurement measure(MongoCheck check) {
        BsonDocument filter = parseFilter(check);
        try (MongoClient client = MongoClients.create(settings())) {
            MongoCollection<BsonDocument> collection = client.getDatabase(check.database())
                    .getCollection(check.collection(), BsonDocument.class);
            if (check.field().isEmpty()) {
                return Measurement.count(collection.countDocuments(filter));
            }
            String field = check.field().get();
            BsonDocument newest = collection.find(filter).sort(new BsonDocument(field, new BsonInt32(-1)))
                    .limit(1).first();
            return newest == null ? Measurement.nothing("no documents") : valueOf(newest, field);
        } catch (MongoTimeoutException e) {
            throw new StoreAccessException("Could not reach MongoDB at " + SecretMasker.of(secrets).mask(mongo.connectionString()) + " within "
                    + SERVER_SELECTION_SECONDS + " s. Check that the restored mongodb service is running and healthy.",
                    e);
        } catch (MongoException e) {
            throw new StoreAccessException("MongoDB refused the query on " + check.namespace() + ": "
                    + SecretMasker.of(secrets).mask(e.getMessage()) + ". Fix the check's filter or field.", e);
        }
    }

    private static BsonDocument parseFilter(MongoCheck check) {
        try {
            return BsonDocument.parse(check.filter());
        } catch (JsonParseException e) {
            throw new StoreAccessException("The filter of check '" + check.name() + "' is not a JSON document ("
                    + e.getMessage() + "). Write it as extended JSON, e.g. {\"role\": \"ADMIN\"}.", e);
        }
    }

    private static Measurement valueOf(BsonDocument document, String field) {
        BsonValue value = document.get(field);
        if (value == null || value.isNull()) {
            return Measurement.nothing("no document has '" + field + "'");
        }
        if (value.isDateTime()) {
            return Measurement.instant(Instant.ofEpochMilli(value.asDateTime().getValue()));
        }
        if (value.isTimestamp()) {
            return Measurement.instant(Instant.ofEpochSecond(value.asTimestamp().getTime()));
        }
        if (value.isString()) {
            return CellValues.fromText(value.asString().getValue());
        }
        return Measurement.other(value.toString());
    }

    private MongoClientSettings settings() {
        return MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.connectionString()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(SERVER_SELECTION_SECONDS,
                        TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(SERVER_SELECTION_SECONDS, TimeUnit.SECONDS)
                        .readTimeout(120, TimeUnit.SECONDS))
                .build();
    }
}
