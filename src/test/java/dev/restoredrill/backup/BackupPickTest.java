package dev.restoredrill.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.outcome.Verdict;
import dev.restoredrill.store.StoreType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which night's set a drill restores, on a 30-night set (Postgres and MongoDB nightly, the others weekly). */
class BackupPickTest {
    static final LocalDate NEWEST = LocalDate.parse("2026-05-26");
    static final Clock DRILL = Fixtures.clockAt("2026-05-26T09:00:00Z");
    static final List<StoreBackupSpec> ALL = Arrays.stream(StoreType.values()).map(StoreType::backupSpec).toList();
    /** The nights on which all four stores have a backup: the weekly ones. */
    static final List<LocalDate> COMPLETE_NIGHTS = List.of(LocalDate.parse("2026-04-28"),
            LocalDate.parse("2026-05-05"), LocalDate.parse("2026-05-12"), LocalDate.parse("2026-05-19"), NEWEST);

    @TempDir
    Path backups;

    @BeforeEach
    void aMonthOfBackups() {
        NightlySet.write(backups, NEWEST, 30);
    }

    private BackupManifest scan(BackupPick pick) {
        return scan(pick, ALL);
    }

    private BackupManifest scan(BackupPick pick, List<StoreBackupSpec> specs) {
        return new BackupCatalog(DRILL, ScanProgress.silent()).scan(new DirectoryLocation(backups), specs, pick);
    }

    private static BackupPick parse(String text, String seed) {
        return BackupPick.parse(text, Optional.ofNullable(seed), () -> 7L);
    }

    @Test
    void newestIsTheDefaultAndRestoresEachStoresNewestBackup() {
        BackupManifest manifest = scan(parse("", null));

        assertThat(manifest.verdict()).as(manifest.toTable()).isEqualTo(Verdict.PASS);
        assertThat(manifest.pick().newestPicked()).isTrue();
        for (StoreResult store : manifest.stores()) {
            assertThat(store.chosen().fileName()).contains(NEWEST.toString());
            assertThat(store.picked().newest()).isTrue();
            assertThat(store.picked().reason()).isEqualTo("newest usable backup");
            assertThat(store.candidates()).noneMatch(c -> c.status() == BackupCandidate.Status.NEWER);
        }
    }

    @Test
    void aDateRestoresThatNightsSetPassingOverNewerOnesAndTheRpoIsJudgedOnTheNewest() {
        BackupManifest manifest = scan(parse("date:2026-05-12", null));

        assertThat(manifest.verdict()).as(manifest.toTable()).isEqualTo(Verdict.PASS);
        assertThat(manifest.pick().night()).isEqualTo(LocalDate.parse("2026-05-12"));
        StoreResult pg = manifest.store("postgres").orElseThrow();
        assertThat(pg.chosen().fileName()).isEqualTo("pg_2026-05-12.sql.gz");
        assertThat(pg.candidates()).filteredOn(c -> c.status() == BackupCandidate.Status.NEWER).hasSize(14);
        assertThat(pg.picked().newest()).isFalse();
        assertThat(pg.picked().passedOver()).isEqualTo(14);
        assertThat(pg.picked().reason()).contains("the night of 2026-05-12").contains("14 newer backup(s) passed over");
        // The picked dump is 14 days old, past the 24 h RPO: the RPO is about the newest backup, which is 7 h old.
        assertThat(pg.picked().age()).isEqualTo(Duration.ofDays(14).plusHours(7));
        assertThat(pg.rpoCheck().backupDate()).isEqualTo(NEWEST);
        assertThat(pg.rpoCheck().age()).isEqualTo(Duration.ofHours(7));
        assertThat(pg.rpoCheck().met()).isTrue();
        // Checks judge freshness against the backup restored, not the newest.
        assertThat(pg.backupInstant()).isEqualTo(Instant.parse("2026-05-12T02:00:00Z"));
        assertThat(manifest.store("minio").orElseThrow().chosen().fileName()).isEqualTo("minio_2026-05-12.tar.gz");
        assertThat(manifest.toTable()).contains("Pick 2026-05-12 asked for (date:2026-05-12)");
    }

    @Test
    void aNewestBackupPastItsRpoStillFailsTheRpoWhenAnOlderNightIsPicked() {
        Clock weekLater = Fixtures.clockAt("2026-06-02T09:00:00Z");
        BackupManifest manifest = new BackupCatalog(weekLater, ScanProgress.silent()).scan(
                new DirectoryLocation(backups), List.of(StoreType.POSTGRES.backupSpec()), parse("date:2026-05-20", null));

        StoreResult pg = manifest.stores().get(0);
        assertThat(pg.chosen().fileName()).isEqualTo("pg_2026-05-20.sql.gz");
        assertThat(pg.rpoCheck().met()).isFalse();
        assertThat(pg.findings()).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo(FailureCategory.RPO_BREACH);
            assertThat(f.message()).contains("pg_2026-05-26.sql.gz: RPO missed: the newest backup is 7d07h");
        });
    }

    @Test
    void aStoreWithoutABackupThatNightFailsNamingTheNearestOnes() {
        BackupManifest manifest = scan(parse("date:2026-05-14", null));

        assertThat(manifest.store("postgres").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
        StoreResult clickhouse = manifest.store("clickhouse").orElseThrow();
        assertThat(clickhouse.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(clickhouse.chosen()).isNull();
        assertThat(clickhouse.rpoCheck().met()).isTrue();
        assertThat(clickhouse.failures()).singleElement().asString()
                .isEqualTo("no backup of the night 2026-05-14 matches 'clickhouse_{date}.tar.gz' (pick"
                        + " date:2026-05-14): the nearest are clickhouse_2026-05-12.tar.gz (2 nights before) and"
                        + " clickhouse_2026-05-19.tar.gz (5 nights after). The drill restores one night's set: pick a"
                        + " night every store has with -Ddrill.pick=date:YYYY-MM-DD, or leave the pick out for each"
                        + " store's newest.");
    }

    @Test
    void randomWithinDrawsANightWithEveryStoreAndTheSameSeedReplaysIt() {
        BackupManifest first = scan(parse("random-within:30d", "4242"));
        BackupManifest replay = scan(parse("random-within:30d", "4242"));

        assertThat(first.verdict()).as(first.toTable()).isEqualTo(Verdict.PASS);
        LocalDate night = first.pick().night();
        assertThat(COMPLETE_NIGHTS).contains(night);
        assertThat(first.pick().eligible()).isEqualTo(COMPLETE_NIGHTS);
        assertThat(first.pick().seed()).isEqualTo(4242L);
        assertThat(first.stores()).allSatisfy(s -> assertThat(s.chosen().fileName()).contains(night.toString()));
        assertThat(first.pick().reason()).startsWith("random within 30d, seed 4242 (given); replay with"
                + " -Ddrill.pick=random-within:30d -Ddrill.pick-seed=4242: drew " + night);
        assertThat(replay.pick()).isEqualTo(first.pick());
        assertThat(replay.stores()).extracting(s -> s.chosen().fileName())
                .isEqualTo(first.stores().stream().map(s -> s.chosen().fileName()).toList());
    }

    @Test
    void randomWithinReachesOlderNightsAcrossSeeds() {
        Set<LocalDate> drawn = new HashSet<>();
        for (long seed = 1; seed <= 40; seed++) {
            drawn.add(scan(new BackupPick.RandomWithin(30, seed, true), List.of(StoreType.POSTGRES.backupSpec()))
                    .pick().night());
        }
        // Postgres alone has a backup every night: 40 seeds reach many of its 30 nights, not only the newest.
        assertThat(drawn).hasSizeGreaterThan(10).allMatch(d -> !d.isBefore(LocalDate.parse("2026-04-27"))
                && !d.isAfter(NEWEST));
    }

    @Test
    void randomWithinAWindowWithoutACompleteNightFailsEveryStore() {
        // On 2026-05-25 the last five nights (05-21 to 05-25) hold no weekly ClickHouse or MinIO backup.
        BackupManifest manifest = new BackupCatalog(Fixtures.clockAt("2026-05-25T09:00:00Z"), ScanProgress.silent())
                .scan(new DirectoryLocation(backups), ALL, parse("random-within:5d", "1"));

        assertThat(manifest.pick().night()).isNull();
        assertThat(manifest.pick().failure()).startsWith("random-within:5d: no night between 2026-05-21 and"
                + " 2026-05-25 has a backup of every store (postgres: 29 night(s), newest 2026-05-25;")
                .contains("clickhouse: 4 night(s), newest 2026-05-19");
        assertThat(manifest.stores()).allSatisfy(s -> {
            assertThat(s.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(s.chosen()).isNull();
            assertThat(s.failures()).contains(manifest.pick().failure());
        });
        assertThat(manifest.toTable()).contains("Pick random-within:5d: no night between");
    }

    @Test
    void aDrawnSeedIsUsedAndMarkedAsDrawn() {
        BackupPick pick = BackupPick.parse("random-within:30d", Optional.empty(), () -> 99L);

        assertThat(pick).isEqualTo(new BackupPick.RandomWithin(30, 99L, false));
        assertThat(pick.describe()).isEqualTo("random within 30d, seed 99 (drawn); replay with"
                + " -Ddrill.pick=random-within:30d -Ddrill.pick-seed=99");
    }

    @Test
    void badPicksSayWhatIsExpected() {
        assertThatThrownBy(() -> parse("latest", null)).hasMessage("expected " + BackupPick.FORMS
                + ", found 'latest'");
        assertThatThrownBy(() -> parse("date:2026-02-30", null))
                .hasMessage("expected a date YYYY-MM-DD after 'date:', found '2026-02-30'");
        assertThatThrownBy(() -> parse("random-within:0d", null)).hasMessageContaining("1 to 3660 days");
        assertThatThrownBy(() -> parse("random-within:30h", null)).hasMessageContaining("found 'random-within:30h'");
        assertThatThrownBy(() -> parse("random-within:30d", "abc")).hasMessageContaining("-Ddrill.pick-seed expects"
                + " the whole number a report printed as the pick's seed, found 'abc'");
    }
}
