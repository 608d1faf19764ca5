package dev.restoredrill.verify;

import dev.restoredrill.outcome.SecretMasker;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoSocketReadTimeoutException;
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
    private static final int READ_TIMEOUT_SECONDS = 120;

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
        } catch (MongoException e) {
            throw failure(check, e);
        }
    }

    /** What went wrong, told apart: an unreachable server, one too slow to answer, and a refused query need different fixes. */
    StoreAccessException failure(MongoCheck check, MongoException e) {
        SecretMasker masker = SecretMasker.of(secrets);
        if (e instanceof MongoTimeoutException) {
            return new StoreAccessException("Could not reach MongoDB at " + masker.mask(mongo.connectionString()) + " within "
                    + SERVER_SELECTION_SECONDS + " s. Check that the restored mongodb service is running and healthy.", e);
        }
        if (e instanceof MongoSocketReadTimeoutException || e instanceof MongoExecutionTimeoutException) {
            return new StoreAccessException("MongoDB took the query " + describe(check) + " but gave no answer within "
                    + READ_TIMEOUT_SECONDS + " s. The server is reachable but too slow for it: check its CPU and memory "
                    + "(docker stats) and whether an index serves the filter and sort (a MongoDB stand-in scans them).", e);
        }
        return new StoreAccessException("MongoDB refused the query on " + check.namespace() + ": "
                + masker.mask(e.getMessage()) + ". Fix the check's filter or field.", e);
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
                        .readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .build();
    }
}
