package dev.restoredrill.scenario;

import dev.restoredrill.store.CheckKind;
import dev.restoredrill.store.StoreType;
import java.util.Optional;

/**
 * Documents of one collection in the restored MongoDB.
 *
 * @param database   e.g. {@code LibreChat}
 * @param collection e.g. {@code messages}
 * @param filter     a MongoDB query document as JSON (extended JSON allowed); {@code {}} for all
 * @param field      the field whose newest value is measured; present exactly when the expectation is
 *                   {@link Expectation.FreshWithin}
 */
public record MongoCheck(String name, Severity severity, String database, String collection, String filter,
                         Optional<String> field, Expectation expectation) implements CheckPlan {

    public static final String MATCH_ALL = "{}";

    public MongoCheck {
        Plans.requireText(name, "name");
        Plans.requireNonNull(severity, "severity");
        Plans.requireText(database, "database");
        Plans.requireText(collection, "collection");
        Plans.requireText(filter, "filter");
        Plans.requireNonNull(field, "field");
        Plans.requireNonNull(expectation, "expectation");
        if (field.isPresent() != (expectation instanceof Expectation.FreshWithin)) {
            throw new IllegalArgumentException("field is needed by, and only by, 'newest within'");
        }
    }

    /** The namespace as the mongodump archive names it, {@code database.collection}. */
    public String namespace() {
        return database + "." + collection;
    }

    @Override
    public String store() {
        return StoreType.MONGODB.storeName();
    }

    @Override
    public CheckKind kind() {
        return CheckKind.MONGO;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.mongo(this);
    }

    @Override
    public String describe() {
        String measured = field.map(f -> "newest " + f + " of ").orElse("") + namespace();
        String filtered = MATCH_ALL.equals(filter.replace(" ", "")) ? "" : " " + filter;
        return store() + " " + measured + filtered + ": " + expectation.describe();
    }
}
