package dev.restoredrill.generate;

import java.util.List;

/** One Langfuse trace: its ClickHouse rows (tab-separated lines) and the S3 event of its ingestion. */
record TraceBundle(String traceRow, List<String> observationRows, List<String> scoreRows, String eventKey, String eventJson) {
}
