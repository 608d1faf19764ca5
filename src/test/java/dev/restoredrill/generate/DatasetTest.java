package dev.restoredrill.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;

class DatasetTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 5, 25);
    private static final DrillSecrets CREDENTIALS = new DrillSecrets("Drill@Restore-Drill.local", "correct horse",
            "sk-drill-gateway-key-0001", "pk-lf-drill", "sk-lf-drill-secret", "salt-for-tests");

    private static Dataset dataset(long seed, String size) {
        return new Dataset(new DatasetSpec(seed, AS_OF, ByteSize.parse(size)), CREDENTIALS);
    }

    @Test
    void sameSeedGivesSameContentAndAnotherSeedDoesNot() {
        String first = DatasetDigest.of(dataset(42, "2MB")).sha256();
        String again = DatasetDigest.of(dataset(42, "2MB")).sha256();
        String other = DatasetDigest.of(dataset(43, "2MB")).sha256();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void hashingAheadGivesTheSameRows() {
        // Read at once, so the loader's reads race the thread that makes the hashes ahead.
        DatasetDigest ahead = DatasetDigest.of(dataset(42, "2MB").hashAhead());

        assertThat(ahead.sha256()).isEqualTo(DatasetDigest.of(dataset(42, "2MB")).sha256());
    }

    @Test
    void sizeIsNearTheTargetInEveryStore() {
        long target = ByteSize.parse("8MB");
        DatasetDigest digest = DatasetDigest.of(new Dataset(new DatasetSpec(7, AS_OF, target), CREDENTIALS));

        assertThat(digest.totalBytes()).isBetween((long) (target * 0.8), (long) (target * 1.2));
        assertThat(digest.bytesPerStore()).allSatisfy(bytes -> assertThat(bytes).isGreaterThan(target / 20));
    }

    @Test
    void drillUserSignsInWithItsPasswordAndOthersDoNot() {
        LibreChatData chat = dataset(1, "2MB").libreChat();
        BsonDocument drill = chat.user(0);
        BsonDocument other = chat.user(3);

        assertThat(drill.getString("email").getValue()).isEqualTo("drill@restore-drill.local");
        assertThat(drill.getString("password").getValue()).startsWith("$2a$10$");
        assertThat(BCrypt.checkpw("correct horse", drill.getString("password").getValue())).isTrue();
        assertThat(BCrypt.checkpw("correct horse", other.getString("password").getValue())).isFalse();
        assertThat(other.getString("password").getValue()).startsWith("$2a$10$");
    }

    @Test
    void gatewayTokenIsSha256OfTheRawDrillKey() {
        LiteLlmData gateway = dataset(1, "2MB").liteLlm();
        String row = gateway.baseRow(LiteLlmData.TOKENS, 0);

        // echo -n sk-drill-gateway-key-0001 | sha256sum
        assertThat(row.split("\t")[0]).isEqualTo(Hashes.sha256Hex("sk-drill-gateway-key-0001")).hasSize(64);
        assertThat(row).doesNotContain("sk-drill-gateway-key-0001");
        assertThat(row.split("\t")[9]).isEqualTo("false"); // not blocked
    }

    @Test
    void sha256MatchesAKnownVector() {
        assertThat(Hashes.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void langfuseKeysVerifyAgainstTheirHashes() {
        String row = dataset(1, "2MB").langfuse().baseRow(LangfuseData.API_KEYS, 0);
        String[] columns = row.split("\t");

        assertThat(columns[3]).isEqualTo("pk-lf-drill");
        assertThat(BCrypt.checkpw("sk-lf-drill-secret", columns[4])).isTrue();
        assertThat(columns[5]).isEqualTo(Hashes.sha256Hex("sk-lf-drill-secret" + Hashes.sha256Hex("salt-for-tests")));
    }

    @Test
    void messagesOfEveryConversationFormOneChainFromTheRoot() {
        LibreChatData chat = dataset(5, "2MB").libreChat();
        for (long i = 0; i < chat.conversations(); i++) {
            ConversationThread thread = chat.thread(i);
            String conversationId = thread.conversation().getString("conversationId").getValue();
            String expectedParent = LibreChatData.NO_PARENT;
            Instant previous = Instant.EPOCH;
            for (BsonDocument message : thread.messages()) {
                assertThat(message.getString("parentMessageId").getValue()).isEqualTo(expectedParent);
                assertThat(message.getString("conversationId").getValue()).isEqualTo(conversationId);
                Instant created = Instant.ofEpochMilli(message.getDateTime("createdAt").getValue());
                assertThat(created).isAfter(previous);
                previous = created;
                expectedParent = message.getString("messageId").getValue();
            }
            assertThat(thread.conversation().getArray("messages")).hasSize(thread.messages().size());
            assertThat(thread.conversation().getDateTime("updatedAt").getValue()).isEqualTo(previous.toEpochMilli());
        }
    }

    @Test
    void newestConversationIsTheDrillUsersAndJustBeforeTheNewestBackup() {
        LibreChatData chat = dataset(9, "2MB").libreChat();
        long last = chat.conversations() - 1;
        BsonDocument newest = chat.thread(last).conversation();
        long newestUpdate = newest.getDateTime("updatedAt").getValue();
        Instant backup = Timeline.backupInstant(AS_OF);

        assertThat(newest.getString("user").getValue()).isEqualTo(chat.userId(0).toHexString());
        assertThat(Instant.ofEpochMilli(newestUpdate)).isBefore(backup).isAfter(backup.minusSeconds(24 * 3600)); // a 2 MB set has ~70 conversations over 60 days
        for (long i = 0; i < last; i++) {
            assertThat(chat.thread(i).conversation().getDateTime("updatedAt").getValue()).isLessThan(newestUpdate);
        }
    }

    @Test
    void itemsArriveInOrderSoEachDayHoldsAPrefix() {
        Dataset data = dataset(3, "2MB");
        Timeline timeline = data.timeline();
        long count = data.liteLlm().spendLogs();
        Instant cutoff = Timeline.backupInstant(AS_OF.minusDays(10));
        long before = timeline.countBefore(Seeds.Stream.SPEND_LOG, count, cutoff);

        assertThat(before).isBetween(count * 45 / 60, count * 55 / 60); // 50 of 60 days, steady rate
        assertThat(timeline.at(Seeds.Stream.SPEND_LOG, before - 1, count)).isBefore(cutoff);
        assertThat(timeline.at(Seeds.Stream.SPEND_LOG, before, count)).isAfterOrEqualTo(cutoff);
    }

    @Test
    void documentsUnderLibreChatsTtlIndexesHaveExpiredAndNotExpired() {
        LibreChatData chat = dataset(5, "4MB").libreChat();
        Instant newestBackup = Timeline.backupInstant(AS_OF);
        long expiredSessions = 0;
        for (int i = 0; i < chat.sessions(); i++) {
            if (chat.session(i).getDateTime("expiration").getValue() < newestBackup.toEpochMilli()) {
                expiredSessions++;
            }
        }
        assertThat(expiredSessions).isPositive().isLessThan(chat.sessions());

        long expiredChats = 0;
        long liveTemporaryChats = 0;
        String drillUser = chat.userId(0).toHexString();
        for (long i = 0; i < chat.conversations(); i++) {
            ConversationThread thread = chat.thread(i);
            if (!thread.conversation().containsKey("expiredAt")) {
                assertThat(thread.messages()).noneMatch(m -> m.containsKey("expiredAt"));
                continue;
            }
            assertThat(thread.conversation().getString("user").getValue()).isNotEqualTo(drillUser);
            assertThat(thread.messages()).allMatch(m -> m.getBoolean("isTemporary").getValue()
                    && m.containsKey("expiredAt"));
            if (thread.conversation().getDateTime("expiredAt").getValue() < newestBackup.toEpochMilli()) {
                expiredChats++;
            } else {
                liveTemporaryChats++;
            }
        }
        assertThat(expiredChats).isPositive();
        assertThat(liveTemporaryChats).isPositive();
    }

    @Test
    void idsAreUniqueWhereLibreChatIndexesThemAsUnique() {
        LibreChatData chat = dataset(11, "2MB").libreChat();
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < chat.users(); i++) {
            assertThat(emails.add(chat.user(i).getString("email").getValue())).isTrue();
        }
        Set<List<String>> messages = new HashSet<>();
        for (long i = 0; i < chat.conversations(); i++) {
            for (BsonDocument m : chat.thread(i).messages()) {
                assertThat(messages.add(List.of(m.getString("messageId").getValue(), m.getString("user").getValue()))).isTrue();
            }
        }
    }

    @Test
    void tooSmallASizeIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> new DatasetSpec(1, AS_OF, 1000))
                .isInstanceOf(GenerateException.class)
                .hasMessageContaining("at least 1.0 MB")
                .hasMessageContaining("larger size");
        assertThatThrownBy(() -> ByteSize.parse("twenty"))
                .hasMessageContaining("20MB");
    }

    @Test
    void credentialsNeverShowInToString() {
        assertThat(CREDENTIALS.toString()).doesNotContain("correct horse", "sk-drill", "sk-lf-drill-secret", "salt-for-tests");
    }
}
