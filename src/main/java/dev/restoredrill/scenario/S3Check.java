package dev.restoredrill.scenario;

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
        return KnownStore.MINIO.storeName();
    }

    @Override
    public String describe() {
        return "minio s3://" + bucket + "/" + prefix + ": " + expectation.describe();
    }
}
