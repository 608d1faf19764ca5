package dev.restoredrill.verify;

import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.backup.MongoArchiveFacts;
import dev.restoredrill.scenario.CheckPlan;
import dev.restoredrill.scenario.Expectation;
import dev.restoredrill.scenario.MongoCheck;
import dev.restoredrill.scenario.S3Check;
import dev.restoredrill.scenario.Severity;
import dev.restoredrill.scenario.SqlCheck;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ExpectationJudgeTest {

    private static final Instant BACKUP = Instant.parse("2026-11-24T00:00:00Z");
    private static final StoreConnections STORES = new StoreConnections(
            new StoreConnections.Postgres("h", 1, "u", "p"), new StoreConnections.Mongo("mongodb://h:2"),
            new StoreConnections.ClickHouse("http://h:3", "u", "p"), new StoreConnections.S3("http://h:4", "u", "p"));
    private static final CheckContext CONTEXT = new CheckContext(STORES, Map.of("LibreChat.users", 42L),
            Map.of("postgres", BACKUP, "mongodb", BACKUP));

    private static Judgement judge(CheckPlan check, Measurement measured) {
        return ExpectationJudge.judge(check, measured, CONTEXT, BACKUP.plusSeconds(3_600));
    }

    private static SqlCheck sql(String phrase) {
        return new SqlCheck("c", Severity.NORMAL, "litellm", "SELECT 1", Expectation.parse(phrase));
    }

    private static MongoCheck users(String filter) {
        return new MongoCheck("users", Severity.BLOCKER, "LibreChat", "users", filter, Optional.empty(),
                Expectation.parse("== backup"));
    }

    @Test
    void passAndFailCarryBothNumbers() {
        assertThat(judge(sql(">= 1"), Measurement.count(42)))
                .isEqualTo(new Judgement(Verdict.PASS, "Found 42, expected >= 1."));
        assertThat(judge(sql("== 0"), Measurement.count(1)))
                .isEqualTo(new Judgement(Verdict.FAIL, "Expected == 0, found 1."));
        assertThat(judge(sql("< 10"), Measurement.count(10)).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void noRowsFailsAndANonNumberIsAnError() {
        Judgement none = judge(sql(">= 1"), Measurement.nothing("no rows"));
        assertThat(none.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(none.message()).contains("no rows", ">= 1");
        Judgement text = judge(sql(">= 1"), CellValues.fromText("abc"));
        assertThat(text.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(text.message()).contains("'abc'", "Make the query return a count");
    }

    @Test
    void comparesTheRestoredCountWithTheArchivesCount() {
        assertThat(judge(users("{}"), Measurement.count(42)).verdict()).isEqualTo(Verdict.PASS);
        assertThat(judge(users("{}"), Measurement.count(40)).message())
                .isEqualTo("Restored 40 documents in LibreChat.users, the backup holds 42 (2 lost in the restore).");
        assertThat(judge(users("{}"), Measurement.count(43)).message()).contains("43", "42", "1 more than the backup");
    }

    /**
     * LibreChat.sessions has a TTL index (session.ts: expiration, expires 0): 10 documents, 3 expired at the scan,
     * 2 more expiring 30 minutes after it.
     */
    private static final MongoArchiveFacts.Ttl SESSIONS_TTL = new MongoArchiveFacts.Ttl(
            List.of("expiration_1 on expiration, expireAfterSeconds 0"), BACKUP, 3,
            List.of(new MongoArchiveFacts.MinuteCount(29, 2)), 4);
    private static final CheckContext WITH_TTL = new CheckContext(STORES, Map.of("LibreChat.sessions", 10L),
            Map.of(), Map.of("LibreChat.sessions", SESSIONS_TTL));

    private static Judgement sessions(long restored, Instant checkedAt) {
        MongoCheck check = new MongoCheck("documents in LibreChat.sessions", Severity.BLOCKER, "LibreChat", "sessions",
                "{}", Optional.empty(), Expectation.parse("== backup"));
        return ExpectationJudge.judge(check, Measurement.count(restored), WITH_TTL, checkedAt);
    }

    @Test
    void documentsPastTheirTtlMayBeGoneAndAreReportedAsExpiredNotLost() {
        Instant soon = BACKUP.plusSeconds(60);
        assertThat(sessions(10, soon)).as("a server without TTL deletion (the mongo stand-in) keeps them all")
                .isEqualTo(new Judgement(Verdict.PASS, "Restored 10 documents in LibreChat.sessions, as many as the "
                        + "backup holds; 3 of them were past their TTL at " + soon + " and not deleted yet."));
        assertThat(sessions(7, soon)).as("a real mongod's TTL monitor deleted the expired ones")
                .isEqualTo(new Judgement(Verdict.PASS, "Restored 7 documents in LibreChat.sessions, the backup holds "
                        + "10: 3 expired by TTL, none lost (3 were past their TTL at " + soon
                        + "; expiration_1 on expiration, expireAfterSeconds 0)."));
        assertThat(sessions(5, BACKUP.plusSeconds(3_600)).verdict()).as("30 minutes later, 2 more expired")
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void fewerDocumentsThanCanHaveExpiredAreALoss() {
        Instant soon = BACKUP.plusSeconds(60);
        assertThat(sessions(6, soon)).isEqualTo(new Judgement(Verdict.FAIL, "Restored 6 documents in "
                + "LibreChat.sessions, the backup holds 10 (4 lost in the restore; only 3 of them could have expired "
                + "by TTL at " + soon + ")."));
        assertThat(sessions(11, soon).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(sessions(0, BACKUP.plus(java.time.Duration.ofDays(2)))).as("a day after the scan, all dated"
                + " documents may have expired, not more").extracting(Judgement::verdict).isEqualTo(Verdict.FAIL);
        assertThat(sessions(1, BACKUP.plus(java.time.Duration.ofDays(2))).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aCollectionWithoutABackupCountOrANonMongoCheckIsAnError() {
        MongoCheck agents = new MongoCheck("agents", Severity.NORMAL, "LibreChat", "agents", "{}",
                Optional.empty(), Expectation.parse("== backup"));
        Judgement noCount = judge(agents, Measurement.count(3));
        assertThat(noCount.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(noCount.message()).contains("LibreChat.agents", "[LibreChat.users]");
        assertThat(judge(sql("== backup"), Measurement.count(3)).verdict()).isEqualTo(Verdict.ERROR);
    }

    @Test
    void newestWithinTheWindowPassesAndOlderFailsWithTheAge() {
        SqlCheck check = sql("newest within 26h of the backup date");
        assertThat(judge(check, Measurement.instant(BACKUP.minusSeconds(3600))).verdict()).isEqualTo(Verdict.PASS);
        assertThat(judge(check, Measurement.instant(BACKUP.plusSeconds(3600))).verdict())
                .as("a record written after the backup's date is fresh").isEqualTo(Verdict.PASS);
        Judgement stale = judge(check, CellValues.fromText("2026-11-20 12:00:00"));
        assertThat(stale).isEqualTo(new Judgement(Verdict.FAIL, "Newest 2026-11-20T12:00:00Z is 84h older than "
                + "the backup date 2026-11-24T00:00:00Z, expected at most 26h: the backup missed recent writes, "
                + "or an older backup was restored."));
    }

    @Test
    void emptyFailsANumberIsAnErrorAndAMissingBackupDateIsAnError() {
        SqlCheck check = sql("newest within 1d of the backup date");
        assertThat(judge(check, Measurement.nothing("NULL")).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(judge(check, Measurement.count(5)).verdict()).isEqualTo(Verdict.ERROR);
        S3Check s3 = new S3Check("events", Severity.NORMAL, "langfuse", "events/",
                Expectation.parse("newest within 7d of the backup date"));
        Judgement noDate = judge(s3, Measurement.instant(BACKUP));
        assertThat(noDate.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(noDate.message()).contains("minio backup's date");
    }

    @Test
    void cellsAreReadAsNumbersTimesOrNothing() {
        assertThat(CellValues.fromText("42").number()).hasValue(42);
        assertThat(CellValues.fromText("\\N").absent()).isTrue();
        assertThat(CellValues.fromText("0000-00-00 00:00:00").absent()).isTrue();
        assertThat(CellValues.fromText("2026-11-23T21:10:00Z").newest()).contains(Instant.parse("2026-11-23T21:10:00Z"));
        assertThat(CellValues.fromText("2026-11-23 21:10:00.123").newest())
                .contains(Instant.parse("2026-11-23T21:10:00.123Z"));
        assertThat(CellValues.fromObject(Boolean.TRUE).number()).hasValue(1);
        assertThat(CellValues.fromObject(new java.math.BigDecimal("2.5")).number()).isEmpty();
    }
}
