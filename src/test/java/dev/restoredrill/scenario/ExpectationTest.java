package dev.restoredrill.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpectationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        ">= 1       | >= 1",
        ">=1        | >= 1",
        "'  == 0  ' | == 0",
        "> 0        | > 0",
        "<= 10      | <= 10",
        "< 5        | < 5",
        "== BACKUP  | == backup",
        "Newest within 26h of the backup date | newest within 26h of the backup date",
        "newest within 1d of the backup date  | newest within 1d of the backup date",
    })
    void parsesEachFormAndDescribesItForReports(String phrase, String description) {
        assertThat(Expectation.parse(phrase).describe()).isEqualTo(description);
    }

    @Test
    void comparesNumbers() {
        Expectation.Compare atLeastOne = (Expectation.Compare) Expectation.parse(">= 1");

        assertThat(atLeastOne.isSatisfiedBy(1)).isTrue();
        assertThat(atLeastOne.isSatisfiedBy(0)).isFalse();
        assertThat(((Expectation.Compare) Expectation.parse("== 0")).isSatisfiedBy(1)).isFalse();
    }

    @Test
    void freshnessAllowsTheWindowBeforeTheBackupAndAnythingAfter() {
        Expectation.FreshWithin fresh = (Expectation.FreshWithin) Expectation.parse("newest within 26h of the backup date");
        Instant backup = Instant.parse("2026-05-25T00:00:00Z");

        assertThat(fresh.isSatisfiedBy(backup.minus(Duration.ofHours(26)), backup)).isTrue();
        assertThat(fresh.isSatisfiedBy(backup.minus(Duration.ofHours(27)), backup)).isFalse();
        assertThat(fresh.isSatisfiedBy(backup.plus(Duration.ofHours(3)), backup)).isTrue();
    }

    @Test
    void rejectsAnythingElseListingTheForms() {
        assertThatIllegalArgumentException().isThrownBy(() -> Expectation.parse("lots"))
                .withMessageContaining("'>= N'").withMessageContaining("'== backup'");
        assertThatIllegalArgumentException().isThrownBy(() -> Expectation.parse("newest within soon of the backup date"))
                .withMessageContaining("a duration like 24h");
        assertThatIllegalArgumentException().isThrownBy(() -> Expectation.parse("newest within 0h of the backup date"))
                .withMessageContaining("longer than zero");
    }
}
