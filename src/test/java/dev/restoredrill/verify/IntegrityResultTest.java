package dev.restoredrill.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntegrityResultTest {

    @Test
    void notSupportedIsItsOwnStatusAndNeverAPass() {
        IntegrityFindings findings = new IntegrityFindings("mongodb", "validate on every collection")
                .counts("collections validated", "collections not supported");
        findings.add("collections not supported", 2);
        findings.unsupported("validate LibreChat.users: not supported by this server (no such command).");

        IntegrityResult result = findings.result();

        assertThat(result.status()).isEqualTo(IntegrityResult.Status.NOT_SUPPORTED);
        assertThat(result.status().passed()).isFalse();
        assertThat(result.message()).startsWith("mongodb validate on every collection: not supported by this server"
                + " (not counted as passed) - 0 collections validated, 2 collections not supported in ");
    }

    @Test
    void aFailureOutweighsNotSupportedAndAnErrorOutweighsBoth() {
        IntegrityFindings findings = new IntegrityFindings("clickhouse", "CHECK TABLE");
        findings.unsupported("CHECK TABLE a.b: not supported by this server.");
        findings.fail("CHECK TABLE a.c: part all_1_1_0 is damaged.");
        assertThat(findings.result().status()).isEqualTo(IntegrityResult.Status.FAIL);

        findings.error("ClickHouse could not be queried.");
        IntegrityResult result = findings.result();
        assertThat(result.status()).isEqualTo(IntegrityResult.Status.ERROR);
        assertThat(result.failures()).containsExactly("ClickHouse could not be queried.",
                "CHECK TABLE a.c: part all_1_1_0 is damaged.");
    }

    @Test
    void saysWhatItLookedAtInOrderWithThousandsSeparated() {
        IntegrityFindings findings = new IntegrityFindings("postgres", "full read")
                .counts("databases", "tables read", "rows read");
        findings.add("databases", 3);
        findings.add("tables read", 41);
        findings.add("rows read", 1_204_500);

        assertThat(findings.result().lookedAt()).matches("3 databases, 41 tables read, 1,204,500 rows read in \\d+\\.\\d s");
        assertThat(findings.result().status()).isEqualTo(IntegrityResult.Status.PASS);
    }

    @Test
    void listsAtMostAHundredFailuresAndSaysHowManyMore() {
        IntegrityFindings findings = new IntegrityFindings("postgres", "amcheck");
        for (int i = 0; i < 130; i++) {
            findings.fail("index i" + i + " is corrupt.");
        }

        IntegrityResult result = findings.result();

        assertThat(result.failures()).hasSize(101).last().isEqualTo("... and 30 more failures not listed.");
    }
}
