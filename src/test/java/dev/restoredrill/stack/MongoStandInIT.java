package dev.restoredrill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.DuplicateKeyException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.restoredrill.testsupport.ReferenceStores;
import dev.restoredrill.testsupport.RequiresDocker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.containers.GenericContainer;

/**
 * The MongoDB stand-in answers as mongo-java-server does where it takes its own shorter ways
 * (compose/reference/services: top-k sorts, unique index keys, field names shared, data size measured when asked).
 * A drill's checks read the restored store through exactly these: the newest document, duplicate keys, validate.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoStandInIT {

    private GenericContainer<?> mongodb;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeAll
    void start() {
        mongodb = ReferenceStores.store(ReferenceImages.MONGODB, 27017, MongoStandInIT.class.getSimpleName())
                .withEnv("MONGO_STANDIN_HEAP", "256m");
        mongodb.start();
        client = MongoClients.create(ReferenceStores.endpoint(mongodb, 27017).mongodbUri());
        database = client.getDatabase("standin_it");
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.close();
        }
        if (mongodb != null) {
            mongodb.stop();
        }
    }

    @Test
    void aSortedQueryWithALimitReturnsTheFirstDocumentsOfTheWholeSort() {
        MongoCollection<Document> messages = database.getCollection("sorted");
        Random random = new Random(7);
        List<Document> inserted = IntStream.range(0, 5_000).mapToObj(i -> new Document("_id", i)
                .append("createdAt", random.nextInt(1_000_000))
                .append("conversation", i % 3)
                .append("text", "message " + i)).toList();
        messages.insertMany(new ArrayList<>(inserted));

        List<Integer> expected = inserted.stream().filter(d -> d.getInteger("conversation") == 1)
                .sorted(Comparator.comparing((Document d) -> d.getInteger("createdAt")).reversed()
                        .thenComparing(d -> d.getInteger("_id")))
                .skip(7).limit(25).map(d -> d.getInteger("_id")).toList();
        List<Document> answer = messages.find(new Document("conversation", 1))
                .sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.ascending("_id")))
                .skip(7).limit(25).projection(Projections.include("createdAt")).into(new ArrayList<>());

        assertThat(answer).extracting(d -> d.getInteger("_id")).containsExactlyElementsOf(expected);
        assertThat(answer).allSatisfy(d -> assertThat(d.keySet()).containsExactly("_id", "createdAt"));
        Document newest = messages.find().sort(Sorts.descending("createdAt")).limit(1).first();
        assertThat(newest.getInteger("createdAt"))
                .isEqualTo(inserted.stream().mapToInt(d -> d.getInteger("createdAt")).max().orElseThrow());
    }

    @Test
    void documentsThatTieOnTheSortKeyComeInTheOrderTheyWereInserted() {
        MongoCollection<Document> ties = database.getCollection("ties");
        ties.insertMany(IntStream.range(0, 300).mapToObj(i -> new Document("_id", 1_000 - i).append("day", i % 2))
                .toList());

        List<Document> answer = ties.find().sort(Sorts.descending("day")).limit(5).into(new ArrayList<>());

        assertThat(answer).extracting(d -> d.getInteger("_id")).containsExactly(999, 997, 995, 993, 991);
    }

    @Test
    void uniqueIndexesRefuseDuplicatesOnInsertAndWhenBuilt() {
        MongoCollection<Document> messages = database.getCollection("unique");
        messages.createIndex(Indexes.ascending("messageId", "user"), new IndexOptions().unique(true));
        messages.insertOne(new Document("messageId", "m1").append("user", "u1"));
        messages.insertOne(new Document("messageId", "m1").append("user", "u2"));

        assertThatThrownBy(() -> messages.insertOne(new Document("messageId", "m1").append("user", "u1")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
        assertThatThrownBy(() -> messages.insertOne(new Document("_id", messages.find().first().get("_id"))))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
        assertThat(messages.countDocuments()).isEqualTo(2);

        MongoCollection<Document> built = database.getCollection("unique_built");
        built.insertMany(List.of(new Document("k", "a"), new Document("k", "b"), new Document("k", "a")));
        assertThatThrownBy(() -> built.createIndex(Indexes.ascending("k"), new IndexOptions().unique(true)))
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("E11000");
        assertThat(built.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
                .containsExactly("_id_");
    }

    @Test
    void keysTheLibraryNormalisesStayDuplicates() {
        MongoCollection<Document> numbers = database.getCollection("unique_numbers");
        numbers.createIndex(Indexes.ascending("n"), new IndexOptions().unique(true));
        numbers.insertOne(new Document("n", 1));
        assertThatThrownBy(() -> numbers.insertOne(new Document("n", 1.0)))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");

        MongoCollection<Document> missing = database.getCollection("unique_missing");
        missing.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
        missing.insertOne(new Document("name", "first"));
        assertThatThrownBy(() -> missing.insertOne(new Document("email", null)))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");

        MongoCollection<Document> nested = database.getCollection("unique_nested");
        nested.createIndex(Indexes.ascending("profile.email"), new IndexOptions().unique(true));
        nested.insertOne(new Document("profile", new Document("email", "a@example.org")));
        assertThatThrownBy(() -> nested.insertOne(new Document("profile", new Document("email", "a@example.org"))))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
    }

    @Test
    void documentsReadBackAsInsertedWhateverTheirFieldNames() {
        MongoCollection<Document> shapes = database.getCollection("shapes");
        Document nested = new Document("_id", "nested").append("z", 1).append("a", new Document("y", List.of(
                new Document("q", "r").append("b", List.of(1, 2)), "text"))).append("m", new Document());
        // More distinct names than the stand-in shares: the rest are kept as decoded.
        List<Document> manyNames = IntStream.range(0, 12).mapToObj(batch -> {
            Document wide = new Document("_id", "wide" + batch);
            IntStream.range(0, 1_000).forEach(i -> wide.append("field_" + batch + "_" + i, i));
            return wide;
        }).toList();
        shapes.insertOne(nested);
        shapes.insertMany(manyNames);

        assertThat(shapes.find(new Document("_id", "nested")).first().toJson()).isEqualTo(nested.toJson());
        assertThat(shapes.find(new Document("_id", "wide11")).first()).isEqualTo(manyNames.get(11));
    }

    @Test
    void validateAndCollStatsReportTheBsonSizeOfTheDocuments() {
        MongoCollection<Document> sized = database.getCollection("sized");
        List<Document> documents = IntStream.range(0, 200).mapToObj(i -> new Document("_id", i)
                .append("text", "x".repeat(i)).append("nested", new Document("n", i))).toList();
        sized.insertMany(new ArrayList<>(documents));
        sized.deleteOne(new Document("_id", 0));
        long afterDelete = documents.stream().skip(1).mapToLong(MongoStandInIT::bsonSize).sum();

        Document validate = database.runCommand(new Document("validate", "sized"));
        BsonDocument stats = database.runCommand(new Document("collStats", "sized"), BsonDocument.class);

        assertThat(validate.get("datasize", Number.class).longValue()).isEqualTo(afterDelete);
        assertThat(validate.getInteger("nrecords")).isEqualTo(199);
        assertThat(stats.getNumber("size").longValue()).isEqualTo(afterDelete);
        assertThat(validate.getBoolean("valid")).isTrue();
    }

    /** The document's size as the driver encodes it. */
    private static long bsonSize(Document document) {
        return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
    }
}
