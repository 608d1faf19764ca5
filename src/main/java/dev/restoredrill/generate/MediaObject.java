package dev.restoredrill.generate;

/** An object for the S3 store. Small enough (under 200 KB) to hold in memory one at a time. */
record MediaObject(String key, String contentType, byte[] bytes) {
}
