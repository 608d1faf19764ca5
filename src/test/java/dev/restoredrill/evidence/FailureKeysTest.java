package dev.restoredrill.evidence;

import dev.restoredrill.outcome.Failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailureKeysTest {
    private final FailureKeys keys = new FailureKeys(List.of("postgres", "mongodb", "clickhouse", "minio"),
            List.of("gateway keys", "gateway keys active"));

    @Test
    void theKeyIsTheCategoryAndWhatFailedNotTheNumbers() {
        String q3 = keys.key(Failure.of("postgres: RPO breach: postgres backup pg_2026-08-01.sql.gz is 30 h old; RPO is 24 h."));
        String q4 = keys.key(Failure.of("postgres: RPO breach: postgres backup pg_2026-11-22.sql.gz is 52 h old; RPO is 24 h."));

        assertThat(q3).isEqualTo("rpo-breach/postgres").isEqualTo(q4);
    }

    @Test
    void eachCategoryNamesItsOwnSubject() {
        assertThat(keys.key(Failure.of("Check failure: gateway keys active: 0 rows, wanted >= 1")))
                .isEqualTo("check-failure/gateway-keys-active");
        assertThat(keys.key(Failure.of("Journey failure: step 4 Send a chat: no answer within 60 s")))
                .isEqualTo("journey-failure/step-4");
        assertThat(keys.key(Failure.of("Data loss: LibreChat.messages: expected 120 documents, found 118")))
                .isEqualTo("data-loss/librechat.messages");
        assertThat(keys.key(Failure.of("RTO missed: clickhouse took 2 h 10 min, target 2 h 0 min")))
                .isEqualTo("rto-missed/clickhouse");
        assertThat(keys.key(Failure.of("RTO missed: all stores took 4 h 10 min, target 4 h 0 min")))
                .isEqualTo("rto-missed/all-stores");
        assertThat(keys.key(Failure.of("Restore failed: mongodb: duplicate key"))).isEqualTo("restore-failure/mongodb");
        assertThat(keys.key(Failure.of("Unexpected end of ZLIB input stream"))).isEqualTo("drill-error/unexpected-end-of-zlib-input-stream");
    }
}
