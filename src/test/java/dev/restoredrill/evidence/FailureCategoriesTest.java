package dev.restoredrill.evidence;

import dev.restoredrill.outcome.FailureCategory;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FailureCategoriesTest {

    /** The message contract of EVIDENCE.md: each example lands in its category and no other. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            RPO breach      | RPO breach: postgres backup pg_2026-11-22.sql.gz is 30 h old; RPO is 24 h.
            RPO breach      | RPO breach: no backup of minio matches minio_{date}.tar.gz.
            Corrupt backup  | Corrupt backup: mongo_2026-11-23.gz is truncated after 1048576 bytes.
            Corrupt backup  | Corrupt backup: mongo_2026-11-23.gz block 3 fails its CRC-64.
            Corrupt backup  | Corrupt backup: clickhouse_2026-11-23.tar.gz is not gzip (starts 50 4b).
            Corrupt backup  | Corrupt backup: minio_2026-11-23.tar.gz has a hostile entry ../../etc/passwd.
            Restore failure | Restore failure: psql exited 3 at line 1204 (ON_ERROR_STOP).
            Restore failure | Restore failure: mongodb restore failed after 3 collections: duplicate key.
            Data loss       | Data loss: librechat.messages: expected 120 documents, found 118.
            Data loss       | Data loss: table public.users is missing from the restored postgres.
            Journey failure | Journey failure: step 4 (send a chat): no answer within 60 s.
            Check failure   | Check failure: 'users have emails' (postgres): 3 rows, wanted none.
            RTO missed      | RTO missed: postgres took 1 h 5 min, target 1 h 0 min
            RTO missed      | RTO missed: all stores took 4 h 10 min, target 4 h 0 min
            """)
    void contractMessagesLandInTheirCategory(String category, String message) {
        assertThat(FailureCategory.matching(message)).extracting(FailureCategory::label).containsExactly(category);
    }

    @Test
    void messagesOutsideTheContractFallToAllureDefaults() {
        assertThat(FailureCategory.matching("Unexpected end of ZLIB input stream")).isEmpty();
        assertThat(FailureCategory.matching(null)).isEmpty();
        assertThat(FailureCategory.matching("expected: <3> but was: <4>")).isEmpty();
    }

    @Test
    void keywordsMatchMultiLineMessagesAnywhere() {
        assertThat(FailureCategory.RPO_BREACH.matches("store clickhouse\nbackup is 9 d old: RPO 7 d\ntrace"))
                .isTrue();
        assertThat(FailureCategory.RPO_BREACH.matches("an rpo-less message")).isFalse();
    }

    @Test
    void categoriesJsonIsWhatAllureReads() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportWriter.json(FailureCategories.ALL));

        assertThat(json).hasSize(FailureCategory.values().length);
        assertThat(json.findValuesAsText("name")).containsExactly("RPO breach", "Corrupt backup", "Restore failure",
                "Data loss", "Journey failure", "Check failure", "RTO missed", "Isolation breach", "Drill error");
        for (JsonNode category : json) {
            assertThat(category.fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("name", "matchedStatuses", "messageRegex");
            assertThat(category.get("matchedStatuses")).extracting(JsonNode::asText)
                    .containsExactly("failed", "broken");
            // Allure compiles the regex with DOTALL and needs the whole message to match.
            assertThat(Pattern.compile(category.get("messageRegex").asText(), Pattern.DOTALL)
                    .matcher(category.get("name").asText() + ": x").matches()).isTrue();
        }
    }
}
