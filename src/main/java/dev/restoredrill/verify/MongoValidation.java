package dev.restoredrill.verify;

import dev.restoredrill.outcome.SecretMasker;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.bson.Document;

/**
 * Runs MongoDB's {@code validate} command on every collection of every database but admin, local and config:
 * the server checks each collection's data and index structures. A server without the command (the reference
 * stack's mongo-java-server stand-in answers "no such command") is reported as
 * {@link IntegrityResult.Status#NOT_SUPPORTED}: nothing was validated, so it is not a pass.
 */
public final class MongoValidation {
    static final String VALIDATE = "validate on every collection";
    private static final List<String> SERVER_DATABASES = List.of("admin", "local", "config");
    /** CommandNotFound. */
    private static final int COMMAND_NOT_FOUND = 59;

    private final StoreConnections.Mongo mongo;
    private final List<String> secrets;
    /** The databases to validate; empty: every one. */
    private List<String> only = List.of();

    public MongoValidation(StoreConnections.Mongo mongo, List<String> secrets) {
        this.mongo = mongo;
        this.secrets = secrets;
    }

    /** The same validation of these databases only (one the server does not have is a failure); empty: all. */
    public MongoValidation onlyDatabases(List<String> databases) {
        MongoValidation narrowed = new MongoValidation(mongo, secrets);
        narrowed.only = List.copyOf(databases);
        return narrowed;
    }

    public IntegrityResult validate() {
        IntegrityFindings findings = new IntegrityFindings("mongodb", VALIDATE)
                .counts("databases", "collections validated", "documents", "indexes", "collections not supported");
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            List<String> present = new java.util.ArrayList<>();
            client.listDatabaseNames().forEach(present::add);
            for (String name : IntegrityFindings.chosen(present, only, findings, "the restored server")) {
                if (SERVER_DATABASES.contains(name)) {
                    continue;
                }
                findings.add("databases", 1);
                MongoDatabase database = client.getDatabase(name);
                for (Document collection : database.listCollections()) {
                    if ("view".equals(collection.getString("type"))) {
                        continue;
                    }
                    validate(database, collection.getString("name"), findings);
                }
            }
        } catch (MongoException e) {
            findings.error("MongoDB at " + SecretMasker.of(secrets).mask(mongo.toString()) + " could not be listed ("
                    + SecretMasker.of(secrets).mask(String.valueOf(e.getMessage()))
                    + "). Check that the restored mongodb service is running and healthy.");
        }
        return findings.result();
    }

    private void validate(MongoDatabase database, String collection, IntegrityFindings findings) {
        String where = database.getName() + "." + collection;
        Document answer;
        try {
            answer = database.runCommand(new Document("validate", collection));
        } catch (MongoCommandException e) {
            if (e.getErrorCode() == COMMAND_NOT_FOUND || String.valueOf(e.getErrorMessage()).contains("no such")) {
                findings.add("collections not supported", 1);
                findings.unsupported("validate " + where + ": " + IntegrityResult.NOT_SUPPORTED_TEXT + " ("
                        + SecretMasker.of(secrets).mask(e.getErrorMessage()) + ").");
            } else {
                findings.add("collections validated", 1);
                findings.fail("validate " + where + " failed: " + SecretMasker.of(secrets).mask(e.getErrorMessage()));
            }
            return;
        }
        findings.add("collections validated", 1);
        findings.add("documents", number(answer, "nrecords"));
        findings.add("indexes", number(answer, "nIndexes"));
        if (!Boolean.TRUE.equals(answer.getBoolean("valid", false))) {
            List<?> errors = answer.getList("errors", Object.class, List.of());
            findings.fail("validate " + where + ": the collection is not valid" + (errors.isEmpty() ? ""
                    : ": " + SecretMasker.of(secrets).mask(String.join("; ", errors.stream().limit(5).map(String::valueOf).toList()))) + " (run validate with full: true on a copy; repair or restore an older backup).");
        }
        List<?> warnings = answer.getList("warnings", Object.class, List.of());
        if (!warnings.isEmpty()) {
            findings.note("validate " + where + " warns: " + SecretMasker.of(secrets).mask(String.join("; ",
                    warnings.stream().limit(3).map(String::valueOf).toList())));
        }
    }

    private static long number(Document answer, String field) {
        Object value = answer.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
