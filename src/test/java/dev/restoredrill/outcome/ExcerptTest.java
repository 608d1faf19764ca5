package dev.restoredrill.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void aShortTextComesBackOnOneLineAndWhole() {
        assertThat(Excerpt.of("  Code: 60.\n\tDB::Exception: Table default.traces\r\ndoesn't exist  ", 200))
                .isEqualTo("Code: 60. DB::Exception: Table default.traces doesn't exist");
    }

    @Test
    void aLongTextIsCutAfterTheLimitAndTheCutIsMarked() {
        String excerpt = Excerpt.of("<Error><Code>AccessDenied</Code>" + "x".repeat(500) + "</Error>", 40);

        assertThat(excerpt).hasSize(41).startsWith("<Error><Code>AccessDenied</Code>xxxxxxxx").endsWith("…");
    }

    @Test
    void aTextOfExactlyTheLimitIsNotMarkedAsCut() {
        assertThat(Excerpt.of("a".repeat(10), 10)).isEqualTo("a".repeat(10));
    }
}
