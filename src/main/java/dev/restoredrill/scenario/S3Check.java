package dev.restoredrill.scenario;

import dev.restoredrill.store.CheckKind;
import dev.restoredrill.store.StoreType;

/**
 * Objects in the restored MinIO (S3 API).
 *
 * @param bucket e.g. {@code langfuse}
 * @param prefix e.g. {@code events/}; empty for the whole bucket
 */
public record S3Check(String name, Severity severity, String bucket, String prefix, Expectation expectation)
        implements CheckPlan {

    public S3Check {
        Plans.requireText(name, "name");
        Plans.requireNonNull(severity, "severity");
        Plans.requireText(bucket, "bucket");
        Plans.requireNonNull(prefix, "prefix");
        Plans.requireNonNull(expectation, "expectation");
    }

    @Override
    public String store() {
        return StoreType.MINIO.storeName();
    }

    @Override
    public CheckKind kind() {
        return CheckKind.S3_OBJECTS;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.s3(this);
    }

    @Override
    public String describe() {
        return store() + " s3://" + bucket + "/" + prefix + ": " + expectation.describe();
    }
}
