package dev.restoredrill.reference.chat;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConvoCursorTest {

    @Test
    void aCursorRoundTripsThroughItsOpaqueForm() {
        ConvoCursor cursor = new ConvoCursor(Instant.parse("2026-02-27T23:59:59.123Z"),
                "0b6a9a1e-7f52-4c55-9a1a-3f1e2d3c4b5a");

        assertThat(cursor.encode()).doesNotContain("|").doesNotContain("2026");
        assertThat(ConvoCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void aCursorThisServerDidNotIssueIsRefusedWithAHint() {
        assertThatThrownBy(() -> ConvoCursor.decode("not-a-cursor!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nextCursor");
    }
}
